import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, dbKind } from '../db/connection.ts';
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

/** A submission's number while its transaction makes it; `settle` draws the real one. */
export interface LateNumber {
  /** What stands for the number in the submission's row, its answer and its e-mails until `settle`. */
  readonly mark: string;
  /**
   * Draws the number and puts it in place of the mark in the submission's row (`number`,
   * `response`) and in its queued e-mails; call it last, right before the transaction commits.
   */
  settle(submissionId: string): Promise<string>;
}

/**
 * A registration number drawn as late in the transaction as the database needs it to be. On
 * PostgreSQL the counter's row stays locked from the draw until COMMIT and every other submission
 * of the sequence, on every instance, waits for it: the submission is made under a mark, and one
 * last statement draws the number and puts it in place of the mark, so the lock is held for that
 * statement and the COMMIT instead of the whole transaction (issue 12 «Speed»). The mark is
 * private-use characters around random letters: no text a client sends can hold it, and HTML and
 * JSON leave it as it is. SQLite has one writer at a time anyway: there the number is drawn at
 * once and is its own mark.
 * @example const late = await lateRegistrationNumber(trx, now); …; const number = await late.settle(id)
 */
export async function lateRegistrationNumber(trx: Db, at: Date, sequence: Sequence = 'messages'): Promise<LateNumber> {
  if (dbKind(trx) === 'sqlite') {
    const number = await nextRegistrationNumber(trx, at, sequence);
    return { mark: number, settle: async () => number };
  }
  const mark = `\uE000${randomBytes(12).toString('base64url')}\uE001`;
  return {
    mark,
    async settle(submissionId) {
      // One statement from the draw to COMMIT: the counter as nextRegistrationNumber draws it, then
      // the mark replaced by the number (formatNumber's form, made by the database) in the
      // submission and its e-mails.
      const put = (column: string) => sql`${sql.ref(column)} = replace(${sql.ref(column)}, ${mark}, drawn.number)`;
      const { rows } = await sql<{ number: string }>`
        WITH counter AS (
          INSERT INTO registration_counters (sequence, year, value) VALUES (${sequence}, ${companyYear(at)}, 1)
          ON CONFLICT (sequence, year) DO UPDATE SET value = registration_counters.value + 1
          RETURNING year, value
        ), drawn AS (
          SELECT ${SEQUENCES[sequence]} || year || '-' || lpad(value::text, greatest(5, length(value::text)), '0') AS number
          FROM counter
        ), submission AS (
          UPDATE submissions SET number = drawn.number, ${put('response')} FROM drawn WHERE id = ${submissionId}
        ), mail AS (
          UPDATE outbox_state SET ${put('subject')} FROM drawn WHERE submission_id = ${submissionId}
          RETURNING id
        ), bodies AS (
          UPDATE outbox_bodies SET ${put('html')}, ${put('text')} FROM drawn WHERE id IN (SELECT id FROM mail)
        )
        SELECT number FROM drawn`.execute(trx);
      return rows[0]!.number;
    },
  };
}

/** `value` (an answer, a row) with `number` wherever the mark stood. */
export function withNumber<T>(value: T, late: LateNumber, number: string): T {
  return late.mark === number ? value : (JSON.parse(JSON.stringify(value).replaceAll(late.mark, number)) as T);
}

/**
 * A plausible number for a bot that filled the honeypot: it looks accepted, nothing is stored,
 * and the real sequence is not revealed.
 */
export function decoyNumber(at: Date, sequence: Sequence = 'messages'): string {
  return formatNumber(sequence, companyYear(at), Math.floor(Math.random() * 90000) + 10000);
}
