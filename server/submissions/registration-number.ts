import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { companyYear } from '../company-time.ts';

/**
 * The registers numbers are drawn from, each sequential per year with its own counter: messages
 * (feedback, complaints registered by hand) `2026-00042`, and ratings `О-2026-00007` (Cyrillic
 * «О», «оценка»), so the complaint register has no gaps where ratings came in.
 */
export const SEQUENCES = { messages: '', ratings: 'О-' } as const;

export type Sequence = keyof typeof SEQUENCES;

const formatNumber = (sequence: Sequence, year: number, n: number) =>
  `${SEQUENCES[sequence]}${year}-${String(n).padStart(5, '0')}`;

/**
 * Allocates the next registration number of the year in a sequence, e.g. `2026-00042`. The
 * counter row is updated in the caller's transaction: PostgreSQL locks it until commit, so numbers
 * stay unique and gap-free across instances; a rolled-back submission gives its number back.
 * @example await nextRegistrationNumber(trx, now, 'ratings') // 'О-2026-00001'
 */
export async function nextRegistrationNumber(trx: Db, at: Date, sequence: Sequence = 'messages'): Promise<string> {
  const year = companyYear(at);
  const row = await trx
    .insertInto('registration_counters')
    .values({ sequence, year, value: 1 })
    .onConflict((oc) => oc.columns(['sequence', 'year']).doUpdateSet({ value: sql`registration_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return formatNumber(sequence, year, row.value);
}

/**
 * A plausible number for a bot that filled the honeypot: it looks accepted, nothing is stored,
 * and the real sequence is not revealed.
 */
export function decoyNumber(at: Date, sequence: Sequence = 'messages'): string {
  return formatNumber(sequence, companyYear(at), Math.floor(Math.random() * 90000) + 10000);
}
