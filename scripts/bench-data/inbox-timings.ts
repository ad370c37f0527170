// The console inbox's pages and counts, through the same query functions the API uses.
import { decodeCursor } from '../../server/http/cursor.ts';
import type { InboxFilter } from '../../server/console/inbox-filter.ts';
import { countSubmissions, listSubmissions } from '../../server/console/inbox-query.ts';
import type { Scope } from '../../server/console/scope.ts';
import type { Db } from '../../server/db/connection.ts';
import { type Timing, time } from './timing.ts';

/** A common phrase of the data repeated up to the search box's 200 characters (issue 14 §7). */
const LONG_PHRASE = 'Спасибо за оперативную доставку! '.repeat(6).trim();
const REPEATED = 'спасибо спасибо спасибо спасибо';
const ALL: Scope = { all: true };

export async function inboxTimings(
  db: Db,
  department: { id: string; name: string },
  now: Date,
  runs: number,
): Promise<Timing[]> {
  const list = (f: InboxFilter, after?: string) =>
    listSubmissions(db, ALL, f, { limit: 50, after: decodeCursor(after) }, now);
  const page = (label: string, f: InboxFilter, after?: string) =>
    time(
      label,
      runs,
      () => list(f, after),
      (p) => `${p.items.length} rows`,
    );
  const counts = (label: string, f: InboxFilter) =>
    time(
      label,
      runs,
      () => countSubmissions(db, ALL, f),
      (c) => `${c.total} in all`,
    );
  const both = (label: string, q: string) =>
    time(
      label,
      runs,
      () => Promise.all([list({ q }), countSubmissions(db, ALL, { q })]),
      ([p, c]) => `${p.items.length} of ${c.total}`,
    );
  let cursor: string | undefined;
  for (let i = 1; i < 50; i++) cursor = (await list({}, cursor)).nextCursor ?? undefined;
  const sample = (await list({ q: 'пересорт' })).items[7];
  const number = sample?.number ?? '2026-00001';
  return [
    await page('first page, no filter', {}),
    await page('first page, kind = complaint', { kind: 'complaint' }),
    await page(`first page, department «${department.name}»`, { department: department.id }),
    await page('first page, status = new, last 30 days', {
      status: 'new',
      from: new Date(now.getTime() - 30 * 86400_000).toISOString(),
    }),
    await page('page 50 via cursor', {}, cursor),
    await page('sort = deadline (open complaints and suggestions)', { sort: 'deadline' }),
    await page('overdue only', { dueBefore: now.toISOString() }),
    await page('overdue, department', { dueBefore: now.toISOString(), department: department.id }),
    await page('search «пересорт» (Cyrillic word)', { q: 'пересорт' }),
    await page('search «спасибо» (a very common word)', { q: 'спасибо' }),
    await page('search «ЛОСЬКОВА» (rare surname)', { q: 'ЛОСЬКОВА' }),
    await page('search «Лоськовой» (a word form)', { q: 'Лоськовой' }),
    await page('search «накладная» (finds «накладной»)', { q: 'накладная' }),
    await page('search «ИП» (two letters, common)', { q: 'ИП' }),
    await page('search «QR» (two letters)', { q: 'QR' }),
    await page('search «7707083893» (an ИНН)', { q: '7707083893' }),
    await page(`search «${number}» (a number)`, { q: number }),
    await page('search «%%%» (the API refuses it: 422)', { q: '%%%' }),
    await page('search «спасибо за спасибо за спасибо за»', { q: 'спасибо за спасибо за спасибо за' }),
    await page('search «Спасибо за оперативную доставку!» × 6', { q: LONG_PHRASE }),
    await page('search «2026 2026 2026» (in every number)', { q: '2026 2026 2026' }),
    await page('search «ООО ООО ООО ООО» (a common word)', { q: 'ООО ООО ООО ООО' }),
    await page('search «пересорт» + department', { q: 'пересорт', department: department.id }),
    await page('first page, received in January 2024', { receivedFrom: '2024-01-01', receivedBefore: '2024-02-01' }),
    await page('first page, received before February 2024', { receivedBefore: '2024-02-01' }),
    await counts('counts, no filter', {}),
    await counts('counts, kind = complaint', { kind: 'complaint' }),
    await counts('counts, department', { department: department.id }),
    await counts('counts, overdue only', { dueBefore: now.toISOString() }),
    await counts('counts, received in January 2024', { receivedFrom: '2024-01-01', receivedBefore: '2024-02-01' }),
    await counts('counts, received before February 2024', { receivedBefore: '2024-02-01' }),
    await counts('counts, search «пересорт»', { q: 'пересорт' }),
    await counts('counts, search «спасибо»', { q: 'спасибо' }),
    await counts('counts, search «ЛОСЬКОВА»', { q: 'ЛОСЬКОВА' }),
    await counts('counts, search «Лоськовой»', { q: 'Лоськовой' }),
    await counts('counts, search «%%%» (API: 422)', { q: '%%%' }),
    await counts('counts, search «спасибо за спасибо за…»', { q: 'спасибо за спасибо за спасибо за' }),
    await counts('counts, search «Спасибо за оперативную…» × 6', { q: LONG_PHRASE }),
    await counts('counts, search «2026 2026 2026»', { q: '2026 2026 2026' }),
    await counts('counts, search «ООО ООО ООО ООО»', { q: 'ООО ООО ООО ООО' }),
    await both('page and counts at once, «2026 2026 2026»', '2026 2026 2026'),
    await both('page and counts at once, «спасибо» × 4', REPEATED),
    await counts('counts, search «ИП»', { q: 'ИП' }),
  ];
}
