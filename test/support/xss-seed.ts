import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedDemoDirectory } from '../../server/directory/demo-seed.ts';
import { loadConfig } from '../../server/env.ts';
import { createOutboxWorker } from '../../server/mail/outbox-worker.ts';
import { createMailTransport } from '../../server/mail/transport.ts';
import { type ConsoleSession, createUser, signIn } from './console.ts';
import { openTestDb } from './databases.ts';
import { fakeClock, PDF_BYTES } from './test-app.ts';
import { payload, XSS_PAYLOADS } from './xss-payloads.ts';

/** How many records of each kind carry payloads: one per payload. */
export const N = XSS_PAYLOADS.length;

/**
 * A payload for a one-line field (a name, a title, a page's address): its line separators as
 * spaces, since such a field refuses them (a mail program may break a line there); a message
 * keeps them, and the pages compare text with whitespace collapsed.
 */
const line = (i: number) => payload(i).replace(/[\u2028\u2029]/g, ' ');

/** A page of the test's own: the rating and reviews widgets of employee `xss-<n>`, and the feedback form. */
const widgetsPage = (
  n: string,
) => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Виджеты</title></head>
<body><otklik-rating subject="employee" employee="xss-${n}"></otklik-rating><otklik-rating subject="xss-subject-${n}"></otklik-rating>
<otklik-reviews employee="xss-${n}" limit="5"></otklik-reviews><otklik-reviews limit="50"></otklik-reviews>
<otklik-feedback></otklik-feedback><script src="/embed.js" async></script></body></html>`;

/**
 * The app over HTTP (with the demo site and the built widgets and console) on a fresh SQLite
 * database, every text field filled with payloads the ways users fill them: feedback and ratings
 * through the public API, the directory, users, comments and replies through the console API
 * as an admin, every rating published; then every queued e-mail written to DATA_DIR/mail.
 */
export async function xssWorld() {
  const t = await openTestDb('sqlite');
  const clock = fakeClock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-xss-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: '1',
    RATE_LIMIT: '0',
    CAPTCHA: 'off',
    QMS_EMAIL: 'smk@example.ru',
  });
  const app = createApp({ db: t.db, config, clock });
  app.get('/e2e/widgets/:n', (c) => c.html(widgetsPage(c.req.param('n').replace(/\D/g, ''))));
  await seedDemoDirectory(t.db, clock);
  const admin = await createUser(t.db, clock, { email: 'admin@example.ru', role: 'admin', name: 'Админ' });
  const s = await signIn(app, admin.email, admin.password);

  const ids = { feedback: [] as string[], ratings: [] as string[], subjectRatings: [] as string[], withFiles: '' };
  const json = (res: Response) => res.json() as Promise<{ id: string }>;
  const ok = async (res: Response | Promise<Response>, status = 201) => {
    const r = await res;
    expect(r.status, `${r.url}: ${await r.clone().text()}`).toBe(status);
    return r;
  };
  const post = (p: string, body: unknown) =>
    app.request(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  for (let i = 0; i < N; i++) {
    const dep = await json(
      await ok(
        s.request('/api/admin/departments', {
          method: 'POST',
          json: { name: line(i), responsibleName: line(i + 1) },
        }),
      ),
    );
    await ok(
      s.request('/api/admin/employees', {
        method: 'POST',
        json: {
          slug: `xss-${i}`,
          name: line(i),
          position: line(i + 1),
          departmentId: dep.id,
          managerEmail: 'boss@example.ru',
          managerName: line(i + 2),
        },
      }),
    );
    await ok(
      s.request('/api/admin/subjects', {
        method: 'POST',
        json: { slug: `xss-subject-${i}`, title: line(i), titleEn: line(i + 1), recipients: ['r@example.ru'] },
      }),
    );
    const kind = ['complaint', 'thanks', 'suggestion'][i % 3];
    const feedback = {
      kind,
      message: payload(i),
      name: line(i + 1),
      organization: line(i + 2),
      page: line(i + 3),
      email: 'client@example.ru',
      consent: true,
    };
    ids.feedback.push((await json(await ok(post('/api/v1/feedback', feedback)))).id);
    const rating = {
      score: 1 + (i % 5),
      comment: payload(i),
      name: line(i + 1),
      organization: line(i + 2),
      publish: true,
      email: 'client@example.ru',
    };
    ids.ratings.push(
      (await json(await ok(post('/api/v1/ratings', { subject: 'employee', employee: `xss-${i}`, ...rating })))).id,
    );
    ids.subjectRatings.push(
      (await json(await ok(post('/api/v1/ratings', { subject: `xss-subject-${i}`, ...rating })))).id,
    );
  }
  ids.withFiles = (await json(await ok(app.request('/api/v1/feedback', { method: 'POST', body: filesForm() })))).id;
  await consoleActions(s, ids);
  const sent = await sendMail(t.db, config, clock);

  const server = await new Promise<{ server: ServerType; url: string }>((resolve) => {
    const srv = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server: srv, url: `http://127.0.0.1:${info.port}` }),
    );
  });
  return {
    url: server.url,
    ids,
    admin,
    mailDir: path.join(dataDir, 'mail'),
    sent,
    close: async () => {
      await new Promise((r) => server.server.close(r));
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The console's part: users and calendar notes by payloads, comments, replies to the client, every review published. */
async function consoleActions(
  s: ConsoleSession,
  ids: { feedback: string[]; ratings: string[]; subjectRatings: string[] },
) {
  for (let i = 0; i < 6; i++)
    await s.request('/api/admin/users', {
      method: 'POST',
      json: { email: `user${i}@example.ru`, name: line(i * 5), role: 'viewer' },
    });
  for (const [i, id] of ids.feedback.entries()) {
    await s.request(`/api/admin/submissions/${id}/comments`, { method: 'POST', json: { text: payload(i + 4) } });
    if (i % 4 === 0)
      await s.request(`/api/admin/submissions/${id}/replies`, { method: 'POST', json: { text: payload(i + 5) } });
  }
  // The working calendar's notes: days of December 2026 off, each noted by a payload.
  for (let i = 0; i < 6; i++)
    await s.request(`/api/admin/calendar/days/2026-12-${String(10 + i)}`, {
      method: 'PUT',
      json: { type: 'off', note: line(i * 3) },
    });
  for (const id of [...ids.ratings, ...ids.subjectRatings])
    expect((await s.request(`/api/admin/moderation/${id}/approve`, { method: 'POST', json: {} })).status).toBe(200);
}

/** A complaint with files named by payloads (without a slash or a quote, which a file name can't keep: server/feedback/attachments.ts). */
export const FILE_PAYLOADS = XSS_PAYLOADS.map((p, i) => [p, i] as const)
  .filter(([p]) => !/[\\/"]/.test(p))
  .slice(0, 5);

function filesForm(): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ kind: 'complaint', message: 'Файлы во вложении', consent: 'on' }))
    form.append(k, v);
  for (const [p] of FILE_PAYLOADS) form.append('files', new File([PDF_BYTES], `${p}.pdf`));
  return form;
}

async function sendMail(
  db: Parameters<typeof createOutboxWorker>[0]['db'],
  config: ReturnType<typeof loadConfig>,
  clock: ReturnType<typeof fakeClock>,
) {
  const worker = createOutboxWorker({ db, transport: createMailTransport(config), clock, config, claimLimit: 10_000 });
  let sent = 0;
  for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) sent += n;
  return sent;
}
