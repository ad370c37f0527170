import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { eraseOutbox } from './erase-outbox.ts';
import { type ErasedCounts, eraseSubmissions } from './erase-submissions.ts';
import { exportPerson, type PersonExport, personOutboxIds, personSubmissionIds } from './person-data.ts';
import { auditedKey, type PersonKey } from './person-key.ts';

/** Who asked: a console user (with his IP), or the CLI at the server. */
export type Requester = { user: { id: string; email: string }; ip: string | null } | 'cli';

const who = (by: Requester) => (by === 'cli' ? { user: null, ip: null } : by);

/**
 * A person's data for his request (152-ФЗ, ст. 14), recorded in the audit log by who, when and
 * how much — the key masked, never the data.
 */
export async function personExport(db: Db, clock: Clock, by: Requester, key: PersonKey): Promise<PersonExport> {
  const data = await exportPerson(db, key);
  await recordAudit(db, clock, {
    ...who(by),
    action: 'privacy.person_export',
    details: {
      ...auditedKey(key),
      submissions: data.submissions.length,
      emails: data.emails.length,
      via: by === 'cli' ? 'cli' : 'console',
    },
  });
  return data;
}

/**
 * Erases everything stored about the person (152-ФЗ, ст. 21): his submissions' personal fields,
 * files, search words, history words and reviews, and every e-mail to him or about him; in one
 * transaction with its audit line (the key masked, the counts).
 */
export async function personErase(db: Db, clock: Clock, by: Requester, key: PersonKey): Promise<ErasedCounts> {
  return db.transaction().execute(async (trx) => {
    const ids = await personSubmissionIds(trx, key);
    const mails = await personOutboxIds(trx, key, ids);
    // First every e-mail to him or about him, then the submissions (whose e-mails are done by then).
    const outbox = await eraseOutbox(trx, mails);
    const counts = await eraseSubmissions(trx, clock, ids, { removeReviews: true });
    const erased = { ...counts, outbox: counts.outbox + outbox };
    await recordAudit(trx, clock, {
      ...who(by),
      action: 'privacy.person_erase',
      details: { ...auditedKey(key), ...erased, via: by === 'cli' ? 'cli' : 'console' },
    });
    return erased;
  });
}
