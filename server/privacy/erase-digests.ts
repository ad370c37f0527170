import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { escapeHtml } from '../mail/templates/html.ts';
import { oneLine } from '../mail/templates/weekly-digest.ts';
import { eraseOutbox } from './erase-outbox.ts';

/** What an unsent digest says instead of an erased client's name. */
const ERASED = 'данные удалены';

/** An erased submission as the weekly digest listed it: its number and its client (organisation, else name). */
export interface DigestEntry {
  number: string;
  client: string | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The weekly digests that list any of these submissions among the overdue complaints: they are
 * queued without a submission (the QMS's, about the whole week), so an erasure that followed
 * `submission_id` left the client's name in them (ids for the person's export).
 */
export async function digestIdsListing(db: Db, numbers: string[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('template', '=', 'weekly-digest')
    .where((eb) => eb.or(numbers.map((n) => eb(sql<string>`text`, 'like', `%№ ${n},%`))))
    .execute();
  return rows.map((r) => r.id);
}

/** The weekly digests listing any of these submissions (by id): what an erase of them would change. */
export async function digestIdsOf(db: Db, submissionIds: string[]): Promise<string[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db.selectFrom('submissions').select('number').where('id', 'in', submissionIds).execute();
  return digestIdsListing(
    db,
    rows.map((r) => r.number),
  );
}

/**
 * The erased clients' names out of the weekly digests that list their complaints: a sent digest
 * pruned as every sent e-mail about them is (`eraseOutbox`), an unsent one kept
 * for the QMS with «данные удалены» where the name stood, in its text and its HTML. Returns how
 * many e-mails changed.
 */
export async function eraseFromDigests(trx: Db, entries: DigestEntry[]): Promise<number> {
  const ids = await digestIdsListing(
    trx,
    entries.map((e) => e.number),
  );
  if (ids.length === 0) return 0;
  const mails = await trx
    .selectFrom('outbox')
    .select(['id', 'status', 'text', 'html'])
    .where('id', 'in', ids)
    .execute();
  const sent = mails.filter((m) => m.status === 'sent').map((m) => m.id);
  let changed = await eraseOutbox(trx, sent);
  for (const m of mails.filter((m) => m.status !== 'sent')) {
    let { text, html } = m;
    for (const { number, client } of entries) {
      if (!client) continue;
      const n = escapeRegExp(number);
      // weekly-digest.ts: «- № N, просрочка …» then «  Клиент: X; …» in the text; in the HTML the
      // number's link, then the next paragraph opening with X.
      text = text.replace(
        new RegExp(`(- № ${n}, [^\\n]*\\n  Клиент: )${escapeRegExp(oneLine(client))};`),
        `$1${ERASED};`,
      );
      html = html.replace(
        new RegExp(`(>${n}</a>[^\\n]*\\n<p[^>]*>)${escapeRegExp(escapeHtml(client))} · `),
        `$1${ERASED} · `,
      );
    }
    if (text === m.text && html === m.html) continue;
    await trx.updateTable('outbox_bodies').set({ text, html }).where('id', '=', m.id).execute();
    changed++;
  }
  return changed;
}

/**
 * A digest as the person's export gives it: only the lines of his own complaints, since the rest
 * of it is other clients' data.
 * @example digestLinesAbout(digest.text, ['2026-00068']) // '- № 2026-00068, просрочка 3 р. д. 7 ч\n  Клиент: …'
 */
export function digestLinesAbout(text: string, numbers: string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!numbers.some((n) => line.startsWith(`- № ${n},`))) return;
    out.push(line);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('  '); j++) out.push(lines[j]!);
  });
  return out.join('\n');
}
