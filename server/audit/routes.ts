import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { isCalendarDay, parseInstant } from '../../shared/calendar-schema.ts';
import type { AuditPage } from '../../shared/console-audit.ts';
import { type ConsoleEnv, requireRole } from '../sessions/context.ts';
import { requireSession } from '../sessions/require-session.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { encodeCursor, pageQuery } from '../http/cursor.ts';
import { given, param, periodInOrder } from '../http/query-params.ts';
import { validQuery } from '../http/validate.ts';

export interface AuditQuery {
  /** An exact action (`auth.sign_in`) or a family ending in `*` (`auth.*`). */
  action?: string;
  /** The acting user's e-mail, id, or a part of his name. */
  user?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  cursor?: { at: string; id: string };
  limit: number;
}

/**
 * A bare date is a whole day in company time (Moscow, UTC+3 all year since 2014): `to=2026-11-24`
 * includes that day. Anything else must be an ISO instant with its zone (parseInstant).
 */
function instant(value: string, end: boolean): string | null {
  if (!isCalendarDay(value)) return parseInstant(value)?.toISOString() ?? null;
  const start = new Date(`${value}T00:00:00+03:00`);
  return new Date(start.getTime() + (end ? 86_400_000 : 0)).toISOString();
}

/** The query string; 422 naming each parameter that can't be understood. */
const AUDIT_QUERY = z
  .object({
    action: given(64),
    user: given(254),
    from: param((v) => instant(v, false), 40),
    to: param((v) => instant(v, true), 40),
    ...pageQuery(200),
  })
  .superRefine(
    periodInOrder(
      (q) => (q.from ? Date.parse(q.from) : undefined),
      // `to` is exclusive: its last instant is a millisecond before it.
      (q) => (q.to ? Date.parse(q.to) - 1 : undefined),
    ),
  );

/** The audit log newest first, one page at a time by (at, id), so a page never repeats or skips a line. */
export async function queryAudit(db: Db, q: AuditQuery): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.action?.endsWith('*')) {
    const prefix = q.action.slice(0, -1);
    // substr, not LIKE: `_` in action names is a LIKE wildcard.
    query = query.where(sql<string>`substr(action, 1, ${prefix.length})`, '=', prefix);
  } else if (q.action) query = query.where('action', '=', q.action);
  if (q.user?.includes('@')) query = query.where('user_email', '=', q.user.toLowerCase());
  else if (q.user) {
    // An id, or a part of a name as the log shows it («Бадыштова»): names matched here, not by
    // SQLite's lower(), which knows no Cyrillic. The console's users are a short list.
    // The field says «e-mail или имя»: a part of either («smk», «анна»).
    const part = q.user.toLowerCase();
    const users = await db.selectFrom('users').select(['id', 'name', 'email']).execute();
    const named = users.filter((u) => u.name.toLowerCase().includes(part) || u.email.includes(part)).map((u) => u.id);
    query = query.where('user_id', 'in', [q.user, ...named]);
  }
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.cursor) {
    const { at, id } = q.cursor;
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user_id ? { id: r.user_id, email: r.user_email } : null,
      action: r.action,
      target: r.target_type && r.target_id ? { type: r.target_type, id: r.target_id } : null,
      // recordAudit writes an object, `{}` when it is given none.
      details: JSON.parse(r.details) as Record<string, unknown>,
      ip: r.ip,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** `GET /` under `/api/admin/audit`: admins and the QMS read who did what and when. */
export function auditApi(deps: { db: Db; clock: Clock }) {
  return new Hono<ConsoleEnv>().get(
    '/',
    requireSession(deps),
    requireRole('admin', 'qms'),
    validQuery(AUDIT_QUERY),
    async (c) => c.json(await queryAudit(deps.db, c.req.valid('query'))),
  );
}
