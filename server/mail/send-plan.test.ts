import { describe, expect, it } from 'vitest';
import type { OutboxRow } from './outbox-store.ts';
import { planSends } from './send-plan.ts';

function row(id: string, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    submission_id: null,
    template: 't',
    recipients: '["a@b.ru"]',
    reply_to: null,
    subject: 's',
    attachment_ids: '[]',
    status: 'pending',
    attempts: 0,
    next_attempt_at: '',
    locked_until: null,
    last_error: null,
    provider_id: null,
    batch_key: null,
    created_at: '',
    sent_at: null,
    message_id: null,
    ...extra,
  };
}
const shape = (units: ReturnType<typeof planSends>) =>
  units.map((u) => ({ ids: u.rows.map((r) => r.id), leader: u.batchLeader, isNew: u.isNewBatch }));

describe('send plan', () => {
  it('batches plain messages, sends those with attachments alone', () => {
    const units = planSends([row('c'), row('a'), row('f', { attachment_ids: '["x"]' }), row('b')], 100);
    expect(shape(units)).toEqual([
      { ids: ['f'], leader: null, isNew: false },
      { ids: ['a', 'b', 'c'], leader: 'a', isNew: true },
    ]);
  });

  it('repeats an earlier batch exactly, apart from newcomers, and keeps «alone» messages alone', () => {
    const units = planSends(
      [row('z'), row('m', { batch_key: 'k' }), row('k', { batch_key: 'k' }), row('y'), row('s', { batch_key: 's' })],
      100,
    );
    expect(shape(units)).toEqual([
      { ids: ['k', 'm'], leader: 'k', isNew: false },
      { ids: ['s'], leader: null, isNew: false },
      { ids: ['y', 'z'], leader: 'y', isNew: true },
    ]);
  });

  it('cuts batches at the provider limit; a lone leftover goes alone', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(`r${i}`));
    expect(shape(planSends(rows, 2)).map((u) => u.ids)).toEqual([['r0', 'r1'], ['r2', 'r3'], ['r4']]);
  });

  it('sends everything alone when the transport has no batch API', () => {
    const units = planSends([row('a'), row('b', { batch_key: 'a' })], 1);
    expect(units.every((u) => u.batchLeader === null && u.rows.length === 1)).toBe(true);
  });
});
