import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../clock.ts';
import type { Db } from './connection.ts';

const EPOCH = new Date(0).toISOString();

/**
 * A name for this instance in a lease (`job_leases.holder` holds 60 characters: a long host name
 * is cut, the random part kept).
 */
export const instanceHolder = () => `${randomBytes(4).toString('hex')}:${process.pid}:${os.hostname()}`.slice(0, 60);

/**
 * Claims the job `name` (retention daily, reminders each minute) for `holder` until `holdMs` from now, when nobody holds it and its
 * next run is due (`until` passed): one UPDATE whose condition is checked again under the row's
 * lock, so of several instances trying at once exactly one gets it. An instance that dies while
 * holding it stops blocking the others when the hold expires, and the job resumes then.
 * @example if (await claimJob(db, clock, 'retention', 'host:123', 3_600_000)) …
 */
export async function claimJob(db: Db, clock: Clock, name: string, holder: string, holdMs: number): Promise<boolean> {
  const now = clock.now();
  await db
    .insertInto('job_leases')
    .values({ name, holder: '', until: EPOCH, last_run: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const claimed = await db
    .updateTable('job_leases')
    .set({ holder, until: new Date(now.getTime() + holdMs).toISOString() })
    .where('name', '=', name)
    .where('until', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** The holder finished the job: it is next due `everyMs` from now. */
export async function finishJob(db: Db, clock: Clock, name: string, holder: string, everyMs: number): Promise<void> {
  const now = clock.now();
  await db
    .updateTable('job_leases')
    .set({ until: new Date(now.getTime() + everyMs).toISOString(), last_run: now.toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
