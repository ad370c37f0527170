import type { OutboxRow } from './outbox-store.ts';

/** One request to the transport: one message, or a batch of them. */
export interface SendUnit {
  rows: OutboxRow[];
  /** The batch's leader id; null when the message goes alone. */
  batchLeader: string | null;
  /**
   * Formed now: its membership must be stored before it is sent — a batch's, or, for a message
   * going alone where batches are used, that it goes alone (its own key), so that a retry after a
   * lost answer never puts it into a batch whose other key would deliver it again.
   */
  isNewBatch: boolean;
}

export const hasAttachments = (row: OutboxRow): boolean => (JSON.parse(row.attachment_ids) as unknown[]).length > 0;

const byId = (a: OutboxRow, b: OutboxRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const alone = (row: OutboxRow): SendUnit => ({ rows: [row], batchLeader: null, isNewBatch: false });

/**
 * Splits claimed messages into requests. A batch formed earlier is sent again exactly as it was
 * (same members, same order), because its idempotency key stands for that payload. Messages
 * never batched go together when the transport has a batch API (`batchMax` > 1), except those
 * with attachments, which batch APIs don't take.
 */
export function planSends(rows: readonly OutboxRow[], batchMax: number): SendUnit[] {
  const units: SendUnit[] = [];
  const groups = new Map<string, OutboxRow[]>();
  const fresh: OutboxRow[] = [];
  for (const row of [...rows].sort(byId)) {
    if (row.batch_key !== null) groups.set(row.batch_key, [...(groups.get(row.batch_key) ?? []), row]);
    else if (batchMax > 1 && !hasAttachments(row)) fresh.push(row);
    else units.push(alone(row));
  }
  for (const [leader, members] of groups) {
    if (batchMax > 1 && members.length > 1) units.push({ rows: members, batchLeader: leader, isNewBatch: false });
    else units.push(...members.map(alone));
  }
  for (let i = 0; i < fresh.length; i += batchMax) {
    const chunk = fresh.slice(i, i + batchMax);
    units.push({ rows: chunk, batchLeader: chunk.length > 1 ? chunk[0]!.id : null, isNewBatch: true });
  }
  return units;
}
