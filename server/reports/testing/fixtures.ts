// Hand-counted fixtures of the reports' tests, made through the console's API on an injected
// clock, as the app makes them. The figures they must give are worked out in the tests.
import { type ConsoleSession, createUser, signIn } from '../../../test/support/console.ts';
import type { Harness } from '../../console/testing/harness.ts';

/** Moscow is UTC+3 all year: `msk('2026-11-23 10:00')` is that moment in Moscow, as an ISO instant. */
export const msk = (local: string) => new Date(`${local.replace(' ', 'T')}:00+03:00`).toISOString();

export const setClock = (h: Harness, local: string) =>
  (h.clock as unknown as { set(iso: string): void }).set(msk(local));

async function send(s: ConsoleSession, path: string, json: unknown, method = 'POST') {
  const res = await s.request(`/api/admin${path}`, { method, json });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ id: string }>;
}

/** Reports' fixtures: complaints registered, worked and closed by a QMS user at given moments. */
export async function reportFixtures(h: Harness) {
  const dep = await h.directory();
  const user = await createUser(h.db, h.clock, { email: 'qms@example.ru', role: 'qms', name: 'Смирнова Ольга' });
  // The fixtures jump the clock over weeks, past a session's 12 idle hours: a new session for each jump.
  let session = await signIn(h.app, user.email, user.password);
  let signedAt = h.clock.now().getTime();
  const qms = async () => {
    if (Math.abs(h.clock.now().getTime() - signedAt) > 3_600_000) {
      session = await signIn(h.app, user.email, user.password);
      signedAt = h.clock.now().getTime();
    }
    return session;
  };
  const at = (local: string) => msk(local);
  const call = async (path: string, json: unknown, method = 'POST') => send(await qms(), path, json, method);
  return {
    dep,
    user: session.user,
    /** A complaint registered by hand now (set the clock first), received now or at `receivedAt` (Moscow time). */
    register: async (departmentId: string | null, channel = 'phone', receivedAt?: string) =>
      (
        await call('/complaints', {
          channel,
          message: 'Не работает выгрузка',
          name: 'Клиент',
          departmentId,
          ...(receivedAt ? { receivedAt: at(receivedAt) } : {}),
        })
      ).id,
    /** A complaint sent through the site's form now, optionally assigned to a department through the card. */
    site: async (departmentId: string | null = null, fields: Record<string, unknown> = {}) => {
      const { id } = await h.feedback({ organization: 'ООО «Ромашка»', ...fields });
      if (departmentId) await call(`/submissions/${id}`, { departmentId }, 'PATCH');
      return id;
    },
    reassign: (id: string, departmentId: string) => call(`/submissions/${id}`, { departmentId }, 'PATCH'),
    change: (id: string, fields: Record<string, unknown>) => call(`/submissions/${id}`, fields, 'PATCH'),
    step: (id: string, step: string, local: string) => call(`/submissions/${id}/steps/${step}`, { at: at(local) }),
    agree: (id: string, day: string) => call(`/submissions/${id}/agreed-date`, { day }),
    call: (id: string, json: Record<string, unknown>) => call(`/submissions/${id}/calls`, json),
    classify: (id: string, fields: Record<string, unknown>) => call(`/submissions/${id}/classification`, fields),
    responsible: (id: string, userId: string) => call(`/submissions/${id}/responsible`, { responsibleUserId: userId }),
    /** Closes stage 1 (step 1.6 done now) and the complaint, at the clock's moment. */
    close: async (id: string) => {
      await call(`/submissions/${id}/stage1/close`, {});
      await call(`/submissions/${id}/close`, {});
    },
  };
}

/**
 * November 2026 (the weekly control's week 48 is 23–29 November), hand-counted in the tests:
 * K (ДКС) received 2.11, closed 27.11 late; C (Логистика) received 16.11, on time, open;
 * A (ДКС, site) received 23.11, 1.2 late, 1.3 overdue; D (Логистика) received 24.11, closed 26.11;
 * E received 25.11 in ДКС, moved to Логистика, nothing done; B (no department, site) received
 * 27.11 15:50, 1.1 overdue; F (ДКС) received 2.12. Besides: thanks 31.10 23:30 and 5.11, a
 * suggestion 1.11 00:30 (Moscow: November, though October in UTC), ratings of ivanov 5 and 4,
 * petrova 2 and the subject «Качество доставки» (made by a migration) 3. The clock ends at 2.12.2026 12:00.
 */
export async function november(h: Harness) {
  const f = await reportFixtures(h);
  const { dks, logistics } = f.dep;
  setClock(h, '2026-10-31 23:30');
  await h.feedback({ kind: 'thanks', message: 'Спасибо за помощь' });
  setClock(h, '2026-11-01 00:30');
  await h.feedback({ kind: 'suggestion', message: 'Добавьте выгрузку в Excel' });
  setClock(h, '2026-11-02 09:00');
  const K = await f.register(dks);
  setClock(h, '2026-11-05 12:00');
  await h.feedback({ kind: 'thanks', message: 'Спасибо, всё работает' });
  for (const [day, employee, score] of [
    ['10', 'ivanov', 5],
    ['11', 'ivanov', 4],
    ['12', 'petrova', 2],
  ] as const) {
    setClock(h, `2026-11-${day} 12:00`);
    await h.rating({ employee, score });
  }
  setClock(h, '2026-11-13 12:00');
  await h.rating({ subject: 'delivery', employee: undefined, score: 3 });

  setClock(h, '2026-11-16 09:00');
  const C = await f.register(logistics);
  setClock(h, '2026-11-17 12:00');
  await f.step(C, '1.1', '2026-11-16 09:30');
  await f.step(C, '1.2', '2026-11-16 11:00');
  await f.step(C, '1.3', '2026-11-17 12:00');

  setClock(h, '2026-11-23 10:00');
  const A = await f.site(dks);
  setClock(h, '2026-11-23 14:00');
  await f.step(A, '1.1', '2026-11-23 10:30');
  await f.step(A, '1.2', '2026-11-23 14:00');
  await f.responsible(A, f.user.id);

  setClock(h, '2026-11-24 09:00');
  const D = await f.register(logistics);
  setClock(h, '2026-11-24 11:00');
  await f.step(D, '1.1', '2026-11-24 09:20');
  await f.step(D, '1.2', '2026-11-24 10:00');
  await f.step(D, '1.3', '2026-11-24 11:00');
  await f.agree(D, '2026-11-25');
  setClock(h, '2026-11-25 12:00');
  await f.step(D, '1.4', '2026-11-25 12:00');
  const E = await f.register(dks);
  setClock(h, '2026-11-25 12:10');
  await f.reassign(E, logistics);
  setClock(h, '2026-11-26 11:00');
  await f.step(D, '1.5', '2026-11-26 10:00');
  await f.classify(D, { justification: 'justified', satisfied: true, loyal: true });
  await f.close(D);

  setClock(h, '2026-11-27 12:00');
  await f.step(K, '1.1', '2026-11-02 09:30');
  await f.step(K, '1.2', '2026-11-02 11:00');
  await f.step(K, '1.3', '2026-11-10 10:00');
  await f.agree(K, '2026-11-20');
  await f.step(K, '1.4', '2026-11-19 12:00');
  await f.step(K, '1.5', '2026-11-25 10:00');
  await f.classify(K, { justification: 'partly', satisfied: false, loyal: true });
  await f.close(K);

  setClock(h, '2026-11-27 15:50');
  const B = await f.site(null);
  setClock(h, '2026-12-02 10:00');
  const F = await f.register(dks);
  setClock(h, '2026-12-02 12:00');
  return { ...f, K, C, A, D, E, B, F };
}
