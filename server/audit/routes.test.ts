import { afterEach, describe, expect, it } from 'vitest';
import type { AuditItem, AuditPage } from '../../shared/console-audit.ts';
import { recordAudit } from './record.ts';
import { loadConfig } from '../env.ts';
import { authTestApp, createUser, signIn } from '../../test/support/console.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { fakeClock } from '../../test/support/test-app.ts';

describe.each(DB_KINDS)('the audit log API (%s)', (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup() {
    t = await openTestDb(kind);
    const clock = fakeClock('2026-11-23T09:00:00.000Z');
    const app = authTestApp({ db: t.db, clock, config: loadConfig({ DATA_DIR: '/tmp/otklik-unused' }) });
    const admin = await createUser(t.db, clock, { email: 'admin@example.ru', role: 'admin' });
    const qms = await createUser(t.db, clock, { email: 'qms@example.ru', role: 'qms' });
    const read = async (s: Awaited<ReturnType<typeof signIn>>, query = '') => {
      const res = await s.request(`/api/admin/audit${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as AuditPage;
    };
    return { app, db: t.db, clock, admin, qms, read };
  }

  it('records sign-ins, failures and user changes, newest first, with who, what and the target', async () => {
    const { app, db, clock, admin, read } = await setup();
    const res = await app.request(
      '/api/admin/login',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.ru', password: 'wrong-password' }),
      },
      { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
    );
    expect(res.status).toBe(401);
    clock.advance(1000);
    const s = await signIn(app, admin.email, admin.password);
    clock.advance(1000);
    const created = await (
      await s.request('/api/admin/users', {
        method: 'POST',
        json: { email: 'new@example.ru', name: 'Новый', role: 'viewer' },
      })
    ).json();
    clock.advance(1000);
    await s.request(`/api/admin/users/${created.user.id}`, { method: 'PATCH', json: { role: 'qms' } });

    const { items } = await read(s);
    expect(items.map((i) => i.action)).toEqual(['user.update', 'user.create', 'auth.sign_in', 'auth.sign_in_failed']);
    const [update, create, signedIn, failed] = items as [AuditItem, AuditItem, AuditItem, AuditItem];
    expect(update).toMatchObject({
      user: { id: admin.id, email: admin.email },
      target: { type: 'user', id: created.user.id },
      details: { changes: { role: { from: 'viewer', to: 'qms' } } },
    });
    expect(create.details).toMatchObject({ email: 'new@example.ru', role: 'viewer' });
    expect(signedIn).toMatchObject({ user: { id: admin.id }, at: '2026-11-23T09:00:01.000Z' });
    expect(failed).toMatchObject({
      user: null,
      details: { email: 'admin@example.ru', reason: 'wrong_password' },
      ip: '203.0.113.9',
      target: { type: 'user', id: admin.id },
    });
    expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(4);
  });

  it('filters by action (exact or a family), by user (id, e-mail or a part of the name) and by period', async () => {
    const { app, db, clock, admin, qms, read } = await setup();
    const at = (iso: string, action: string, user: { id: string; email: string } | null) => {
      clock.set(iso);
      return recordAudit(db, clock, { user, action });
    };
    await at('2026-11-20T10:00:00.000Z', 'review.approve', qms);
    await at('2026-11-21T20:59:59.000Z', 'review.reject', qms); // 23:59:59 in Moscow, still the 21st
    await at('2026-11-21T21:00:00.000Z', 'review.approve', qms); // 00:00 on the 22nd in Moscow
    await at('2026-11-22T10:00:00.000Z', 'user.create', admin);
    clock.set('2026-11-23T09:00:00.000Z');
    const s = await signIn(app, qms.email, qms.password);
    const actions = async (q: string) => (await read(s, q)).items.map((i) => `${i.at.slice(0, 10)} ${i.action}`);

    expect(await actions('?action=review.approve')).toEqual(['2026-11-21 review.approve', '2026-11-20 review.approve']);
    expect(await actions('?action=review.*')).toHaveLength(3);
    expect(await actions(`?user=${admin.id}`)).toEqual(['2026-11-22 user.create']);
    expect(await actions('?user=QMS@example.ru&action=auth.*')).toEqual(['2026-11-23 auth.sign_in']);
    // A part of the name the log shows, in any case, Cyrillic too.
    await db.updateTable('users').set({ name: 'Матвеева Анна' }).where('id', '=', admin.id).execute();
    expect(await actions(`?user=${encodeURIComponent('МАТВЕЕВА')}`)).toEqual(['2026-11-22 user.create']);
    expect(await actions(`?user=${encodeURIComponent('Петров')}`)).toEqual([]);
    // A part of the e-mail, as the field's «e-mail или имя» invites («smk»).
    expect(await actions(`?user=${encodeURIComponent(admin.email.split('@')[0]!.toUpperCase())}`)).toEqual([
      '2026-11-22 user.create',
    ]);
    expect(await actions('?from=2026-11-21&to=2026-11-21')).toEqual(['2026-11-21 review.reject']);
    expect(await actions('?from=2026-11-22T00:00:00%2B03:00&action=review.*')).toEqual(['2026-11-21 review.approve']);
    expect(await actions('?action=review.*&to=2026-11-21T00:00:00.000Z')).toEqual(['2026-11-20 review.approve']);

    const bad = await s.request('/api/admin/audit?from=yesterday&limit=0&cursor=%%%');
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['cursor', 'from', 'limit']);
    const reversed = await s.request('/api/admin/audit?from=2026-11-22&to=2026-11-21');
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).error.fields).toEqual({ to: 'Конец периода не может быть раньше его начала' });
  });

  it('pages by (at, id): every line once, also among lines written in the same millisecond', async () => {
    const { app, db, clock, qms, read } = await setup();
    for (let i = 0; i < 7; i++) {
      if (i % 3 === 0) clock.advance(1000);
      await recordAudit(db, clock, { user: null, action: 'test.line', details: { i } });
    }
    const s = await signIn(app, qms.email, qms.password);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await read(s, `?action=test.line&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.details.i as number));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    // Newest second first; within one instant the order is by id, stable across pages.
    expect(seen.slice(0, 1)).toEqual([6]);
  });
});
