import { afterEach, describe, expect, it } from 'vitest';
import type { RefusalsAnswer } from '../../shared/console-refusals.ts';
import { createUser, signIn } from '../../test/support/console.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { buildTestApp } from '../../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe.each(DB_KINDS)('GET /api/admin/refusals (%s)', (kind) => {
  it('counts what the public endpoints refused by day and reason, for admins, the QMS and viewers', async () => {
    t = await buildTestApp(kind, { CAPTCHA: 'on' });
    const advance = (t.clock as unknown as { advance(ms: number): void }).advance;
    const post = () =>
      t!.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'thanks', message: 'Без решения', consent: true }),
      });
    await post();
    advance(2 * 86_400_000);
    await post();
    await post();
    const session = async (role: 'admin' | 'qms' | 'handler' | 'viewer') => {
      const u = await createUser(t!.db, t!.clock, { email: `${role}@example.ru`, role });
      return signIn(t!.app, u.email, u.password);
    };
    const viewer = await session('viewer');
    const res = await viewer.request('/api/admin/refusals?days=30');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as RefusalsAnswer;
    expect(answer).toEqual({
      since: '2026-10-27',
      days: 30,
      items: [
        { day: '2026-11-25', reason: 'pow_missing', count: 2 },
        { day: '2026-11-23', reason: 'pow_missing', count: 1 },
      ],
    });
    expect(((await (await viewer.request('/api/admin/refusals?days=1')).json()) as RefusalsAnswer).items).toHaveLength(
      1,
    );
    for (const role of ['admin', 'qms'] as const)
      expect((await (await session(role)).request('/api/admin/refusals')).status).toBe(200);
    expect((await (await session('handler')).request('/api/admin/refusals')).status).toBe(403);
    expect((await t.app.request('/api/admin/refusals')).status).toBe(401);
    for (const days of ['0', '366', 'abc', '1.5', '-3', '9999']) {
      const bad = await viewer.request(`/api/admin/refusals?days=${days}`);
      expect(bad.status).toBe(422);
      expect(Object.keys((await bad.json()).error.fields)).toEqual(['days']);
    }
    // Absent or empty: the last 30 days; spaces around a number are fine.
    for (const q of ['', '?days=', '?days=%2045%20'])
      expect(((await (await viewer.request(`/api/admin/refusals${q}`)).json()) as RefusalsAnswer).days).toBe(
        q.includes('45') ? 45 : 30,
      );
  });
});
