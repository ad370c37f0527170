import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import type { SubmissionTable } from '../../db/schema.ts';
import { type Config, loadConfig } from '../../env.ts';
import { newId } from '../../ids.ts';
import { enqueueFeedbackMail } from '../feedback-mail.ts';

/** Test support: a clock that moves only when told. */
export function manualClock(
  start = '2026-12-01T09:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (iso) => {
      t = new Date(iso).getTime();
    },
  };
}

/** Test support: the configuration the server would read from this environment. */
export function mailConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    QMS_EMAIL: 'smk@example.ru, quality@example.ru',
    CEO_EMAIL: 'ceo@example.ru',
    COMPANY_NAME: 'ООО «Пример»',
    RATE_LIMIT: '0', // the acknowledgement cap's test turns it on
    ...env,
  });
}

export type Submission = Selectable<SubmissionTable>;

export function sampleSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: newId(),
    number: '2026-00012',
    type: 'feedback',
    kind: 'complaint',
    status: 'new',
    channel: 'site',
    message: 'Программа загружается 3–4 минуты.\nВторая строка.',
    name: 'Лоськова Галина',
    organization: 'ООО «Ромашка»',
    inn: '6165456519',
    phone: '+79515113523',
    email: 'client@example.ru',
    page: 'https://example.ru/contacts',
    lang: 'ru',
    consent_version: '2026-11-22',
    consent_at: '2026-12-01T09:00:00.000Z',
    consent_ip: '203.0.113.7',
    consent_user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
    idempotency_key: null,
    response: '{}',
    created_at: '2026-12-01T09:00:00.000Z',
    score: null,
    subject: null,
    employee_id: null,
    department_id: null,
    publish: null,
    erased_at: null,
    answer_due_at: null,
    ...overrides,
  };
}

export interface SampleFile {
  filename: string;
  mime: string;
  content: Uint8Array;
}

/** Stores a submission with its files and queues its e-mails, as the feedback route does. */
export async function submitWithMail(
  db: Db,
  deps: { config: Config; clock: Clock },
  overrides: Partial<Submission> = {},
  files: SampleFile[] = [],
) {
  const submission = sampleSubmission({ created_at: deps.clock.now().toISOString(), ...overrides });
  return db.transaction().execute(async (trx) => {
    const { status: _status, ...row } = submission;
    await trx.insertInto('submissions').values(row).execute();
    const attachments = [];
    for (const f of files) {
      const a = {
        id: newId(),
        filename: f.filename,
        mime: f.mime,
        size: f.content.length,
        sha256: createHash('sha256').update(f.content).digest('hex'),
      };
      await trx
        .insertInto('attachments')
        .values({ ...a, submission_id: submission.id, content: f.content, created_at: submission.created_at })
        .execute();
      attachments.push(a);
    }
    await enqueueFeedbackMail(trx, deps, submission, attachments);
    return { submission, attachments };
  });
}
