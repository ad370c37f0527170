import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { companyYear } from '../company-time.ts';

/**
 * Allocates the next registration number of the year, e.g. `2026-00042`. The counter row is
 * updated in the caller's transaction: PostgreSQL locks it until commit, so numbers stay unique
 * and gap-free across instances; a rolled-back submission gives its number back.
 */
export async function nextRegistrationNumber(trx: Db, at: Date): Promise<string> {
  const year = companyYear(at);
  const row = await trx
    .insertInto('registration_counters')
    .values({ year, value: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ value: sql`registration_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.value).padStart(5, '0')}`;
}

/**
 * A plausible number for a bot that filled the honeypot: it looks accepted, nothing is stored,
 * and the real sequence is not revealed.
 */
export function decoyNumber(at: Date): string {
  return `${companyYear(at)}-${String(Math.floor(Math.random() * 90000) + 10000)}`;
}
