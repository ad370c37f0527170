import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { saveEmployee } from '../directory/store.ts';

// Issue 10, known bugs: a rating reusing a feedback message's idempotency key got the message's
// answer, and each thank-you page must show only its own kind of submission.

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T;
afterEach(async () => t?.close());

async function start(kind: (typeof DB_KINDS)[number]) {
  t = await buildTestApp(kind);
  await saveEmployee(t.db, t.clock, { slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' });
}

const post = async (path: string, body: Record<string, unknown>, key: string) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, answer: (await res.json()) as { id: string; number: string } };
};
const feedback = (key: string) =>
  post('/api/v1/feedback', { kind: 'thanks', message: 'Спасибо за работу', consent: true }, key);
const rating = (key: string) => post('/api/v1/ratings', { subject: 'employee', employee: 'ivanov', score: 5 }, key);

describe.each(DB_KINDS)('each endpoint answers only its own submissions (%s)', (kind) => {
  it('takes a rating sent with a feedback message’s idempotency key as a new rating; each retry gets its own answer', async () => {
    await start(kind);
    const message = await feedback('shared-key');
    const rated = await rating('shared-key');
    expect(rated.status).toBe(201);
    expect(rated.answer.id).not.toBe(message.answer.id);
    expect(rated.answer.number).toMatch(/^О-/);
    expect((await rating('shared-key')).answer).toEqual(rated.answer);
    expect((await feedback('shared-key')).answer).toEqual(message.answer);
    const types = await t.db.selectFrom('submissions').select('type').orderBy('type').execute();
    expect(types.map((r) => r.type)).toEqual(['feedback', 'rating']);
  });

  it('keeps a 200-character key working on both endpoints', async () => {
    await start(kind);
    const key = 'k'.repeat(200);
    const first = await feedback(key);
    expect(first.status).toBe(201);
    expect((await feedback(key)).answer).toEqual(first.answer);
    expect((await rating(key)).status).toBe(201);
  });

  it('shows a feedback message on /f/thanks and a rating on /r/thanks, never the other', async () => {
    await start(kind);
    const message = await feedback('m-1');
    const rated = await rating('r-1');
    const page = (path: string) => t.app.request(path, { headers: { accept: 'text/html' } });
    const f = await page(`/f/thanks/${message.answer.id}`);
    expect(f.status).toBe(200);
    expect(await f.text()).toContain(message.answer.number);
    const r = await page(`/r/thanks/${rated.answer.id}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain(rated.answer.number);
    const wrongF = await page(`/f/thanks/${rated.answer.id}`);
    expect(wrongF.status).toBe(404);
    expect(await wrongF.text()).not.toContain(rated.answer.number);
    const wrongR = await page(`/r/thanks/${message.answer.id}`);
    expect(wrongR.status).toBe(404);
    expect(await wrongR.text()).not.toContain(message.answer.number);
  });

  it('scopes a key stored before keys were scoped on the upgrade, so a rating under it is still a new rating', async () => {
    await start(kind);
    await feedback('old-key');
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf('2026-12-05-idempotency-scope') - 1]!;
    // Down, with the key as the code of then stored it; up again: scoped.
    await t.testDb.migrateTo(before);
    await t.db.updateTable('submissions').set({ idempotency_key: 'old-key' }).execute();
    await t.testDb.migrateTo();
    const scoped = await t.db.selectFrom('submissions').select('idempotency_key').executeTakeFirstOrThrow();
    expect(scoped.idempotency_key).toBe('feedback:old-key');
    const rated = await rating('old-key');
    expect([rated.status, rated.answer.number]).toEqual([201, expect.stringMatching(/^О-/)]);
    // Keys now also name the message they came with (idempotent.ts): a retry of a message sent
    // before the upgrade is stored again rather than answered, so it is never lost.
    expect((await feedback('old-key')).status).toBe(201);
  });
});
