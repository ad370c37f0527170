import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ui from '../admin/src/permissions.ts';
import type { ConsoleUser } from '../shared/console-types.ts';
import { consoleHarness, type Harness } from '../server/console/testing/harness.ts';
import type { Role } from '../server/db/schema.ts';
import { type ConsoleSession, createUser, signIn, TEST_PASSWORD } from './support/console.ts';
import { ROLES, ROUTE_PERMISSIONS } from './route-permissions.ts';

// Issue 10: every role's allowed routes in one place (route-permissions.ts), walked route by route
// against the real app; a handler reaches nothing of another department through any of them.

let h: Harness;
/** A submission of the handler's department (ДКС) and one of Логистика, each with a file. */
const own = { id: '', attachmentId: '' };
const other = { id: '', number: '', attachmentId: '', ratingId: '' };
/** A user the admin's user routes change (never one of the sessions below). */
let someoneId = '';
const sessions = {} as Record<Role, ConsoleSession>;
let users = 0;

async function newSession(role: Role): Promise<ConsoleSession> {
  const departmentId =
    role === 'handler'
      ? (await h.db.selectFrom('departments').select('id').where('name', '=', 'ДКС').executeTakeFirstOrThrow()).id
      : null;
  const u = await createUser(h.db, h.clock, { email: `${role}-${++users}@example.ru`, role, departmentId });
  return signIn(h.app, u.email, u.password);
}

beforeAll(async () => {
  h = await consoleHarness('sqlite');
  const { dks, logistics } = await h.directory();
  const attachmentOf = async (id: string) =>
    (await h.db.selectFrom('attachments').select('id').where('submission_id', '=', id).executeTakeFirstOrThrow()).id;
  const mine = await h.feedbackWithFile('акт.pdf');
  await h.assign(mine.id, dks);
  Object.assign(own, { id: mine.id, attachmentId: await attachmentOf(mine.id) });
  const theirs = await h.feedbackWithFile('акт-логистики.pdf');
  await h.assign(theirs.id, logistics);
  const rating = await h.rating({ employee: 'petrova', score: 4, comment: 'Секрет Логистики', publish: true });
  Object.assign(other, {
    id: theirs.id,
    number: theirs.number,
    attachmentId: await attachmentOf(theirs.id),
    ratingId: rating.id,
  });
  someoneId = (await createUser(h.db, h.clock, { email: 'someone@example.ru', role: 'viewer' })).id;
  for (const role of ROLES) sessions[role] = await newSession(role);
});
afterAll(async () => {
  await h?.close();
});

/** The app's console API routes as `METHOD /path`, from Hono's own route list. */
function appRoutes(): string[] {
  const keys = h.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/admin'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

/** A concrete path for a route, naming `target`'s submission and its file. */
function pathOf(route: string, target: { id: string; attachmentId: string }): string {
  const path = route.split(' ')[1]!;
  return path
    .replace(/\/users\/:id/, `/users/${someoneId}`)
    .replace(/\/departments\/:id/, '/departments/none')
    .replace(/:id|:submissionId/, target.id)
    .replace(':attachmentId', target.attachmentId)
    .replace(':slug', 'ivanov')
    .replace(':step', '1.1')
    .replace(':nid', 'none')
    .replace(':day', '2026-12-31');
}

/** The route's request; bodies are empty (a 422) except where that would change nothing useful. */
function send(s: ConsoleSession, route: string, target: { id: string; attachmentId: string }) {
  const method = route.split(' ')[0]!;
  const init: RequestInit & { json?: unknown } = { method };
  if (method !== 'GET') init.json = route.endsWith('/password') ? { current: TEST_PASSWORD, next: TEST_PASSWORD } : {};
  return s.request(pathOf(route, target), init);
}

/** The session's CSRF token with its last character changed (never to the one it already has). */
function nearlyTheToken(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
}

describe('console routes × roles (route-permissions.ts)', () => {
  it('lists every console API route the app has, and no route it lacks', () => {
    const listed = Object.keys(ROUTE_PERMISSIONS);
    expect(appRoutes().filter((r) => !listed.includes(r))).toEqual([]);
    expect(listed.filter((r) => !appRoutes().includes(r))).toEqual([]);
  });

  it("lets each role through exactly the routes listed for it, and a handler only to his department's submissions", async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(ROUTE_PERMISSIONS)) {
      if (rule.public) continue;
      for (const role of ROLES) {
        // Signing out ends the session: each role signs out a session of its own.
        const s = route.endsWith('/logout') ? await newSession(role) : sessions[role];
        const res = await send(s, route, own);
        const allowed = rule.roles.includes(role);
        const code = res.status === 403 ? ((await res.json()) as { error: { code: string } }).error.code : '';
        if (allowed && ([401, 403].includes(res.status) || res.status >= 500 || (rule.scoped && res.status === 404)))
          wrong.push(`${role} ${route}: ${res.status} ${code}, expected to be let through`);
        if (!allowed && code !== 'forbidden') wrong.push(`${role} ${route}: ${res.status}, expected 403 forbidden`);
        if (allowed && rule.scoped && role === 'handler') {
          const theirs = await send(s, route, other);
          if (theirs.status !== 404)
            wrong.push(`handler ${route} of another department: ${theirs.status}, expected 404`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("shows a handler nothing of another department's submissions, ratings or files on any route", async () => {
    const secrets = [other.id, other.number, other.attachmentId, other.ratingId, 'Секрет Логистики'];
    const leaks: string[] = [];
    for (const route of Object.keys(ROUTE_PERMISSIONS)) {
      if (ROUTE_PERMISSIONS[route]!.public || route.endsWith('/logout')) continue;
      for (const target of [own, other]) {
        const text = await (await send(sessions.handler, route, target)).text();
        for (const secret of secrets) if (text.includes(secret)) leaks.push(`${route} shows ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
    // The same lists show them to the QMS, so the check above could have found them.
    const qmsInbox = await (await sessions.qms.request('/api/admin/submissions')).text();
    const qmsModeration = await (await sessions.qms.request('/api/admin/moderation')).text();
    expect(qmsInbox).toContain(other.id);
    expect(qmsModeration).toContain('Секрет Логистики');
    const ownFile = await sessions.handler.request(`/api/admin/submissions/${own.id}/attachments/${own.attachmentId}`);
    expect(ownFile.status).toBe(200);
  });

  it("offers in the console's menus what the server lets each role do", () => {
    const mayUse = (route: string) => ROLES.filter((role) => ROUTE_PERMISSIONS[route]!.roles.includes(role));
    // Only the role decides what the menus offer; the rest of the user doesn't matter here.
    const offered = (can: (u: ConsoleUser) => boolean) => ROLES.filter((role) => can({ role } as ConsoleUser));
    expect(offered(ui.canManageUsers)).toEqual(mayUse('POST /api/admin/users'));
    expect(offered(ui.canSeeAudit)).toEqual(mayUse('GET /api/admin/audit'));
    expect(offered(ui.canEdit)).toEqual(mayUse('PATCH /api/admin/employees/:slug'));
    expect(offered(ui.canModerate)).toEqual(mayUse('POST /api/admin/moderation/:submissionId/approve'));
    expect(offered(ui.canHandle)).toEqual(mayUse('POST /api/admin/submissions/:id/comments'));
    expect(offered(ui.canEditCalendar)).toEqual(mayUse('PUT /api/admin/calendar/hours'));
  });

  it('refuses every state-changing route without or with a wrong CSRF token (403 csrf), changing nothing', async () => {
    const before = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const changing = Object.keys(ROUTE_PERMISSIONS).filter(
      (r) => !r.startsWith('GET ') && !ROUTE_PERMISSIONS[r]!.public,
    );
    expect(changing.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const route of changing) {
      for (const token of ['', 'wrong-token', nearlyTheToken(sessions.admin.csrfToken)]) {
        const method = route.split(' ')[0]!;
        const res = await h.app.request(pathOf(route, own), {
          method,
          headers: { Cookie: sessions.admin.cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': token },
          body: route.endsWith('/password')
            ? JSON.stringify({ current: TEST_PASSWORD, next: 'a brand new password' })
            : '{}',
        });
        const code = res.status === 403 ? ((await res.json()) as { error: { code: string } }).error.code : '';
        if (code !== 'csrf') wrong.push(`${route} with token «${token}»: ${res.status} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await sessions.admin.request('/api/admin/me')).status).toBe(200);
  });
});
