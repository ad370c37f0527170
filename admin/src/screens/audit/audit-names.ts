import type { AuditItem, ConsoleMeta } from '../../api/types.ts';

/**
 * What the log's ids stand for, as GET /meta tells the console: departments, employees (former
 * ones too), subjects, and the console users who may be responsible. The log keeps ids (names
 * change; the line must still say which one), the console names them.
 */
export type AuditMeta = Pick<ConsoleMeta, 'departments' | 'employees' | 'handlers' | 'subjects'>;

type Namer = (meta: AuditMeta, value: string) => string | undefined;

const department: Namer = (meta, id) => meta.departments.find((d) => d.id === id)?.name;
const user: Namer = (meta, id) => meta.handlers.find((u) => u.id === id)?.name;
const employee: Namer = (meta, slug) => meta.employees.find((e) => e.slug === slug)?.name;

/** Detail keys whose values are ids or slugs: the department's, the user's, the employee's. */
const BY_KEY: Record<string, Namer> = {
  departmentId: department,
  department_id: department,
  responsibleUserId: user,
  responsible_user_id: user,
  employeeSlug: employee,
};

/** The key a bare `{from, to}` of these actions stands for (server/console/card-changes.ts). */
const CHANGE_KEY: Record<string, string> = {
  'submission.department': 'departmentId',
  'submission.employee': 'employeeSlug',
};

/** @example changeKey('submission.department') // 'departmentId' */
export const changeKey = (action: string | undefined) => (action ? CHANGE_KEY[action] : undefined);

/** An id nobody can name any more (or before /meta came): its first characters, not the whole uuid. */
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/**
 * The name of a detail's value when its key holds an id or a slug; undefined for other keys.
 * @example nameOf(meta, 'departmentId', 'd1') // 'ДКС'
 */
export function nameOf(meta: AuditMeta | undefined, key: string, value: unknown): string | undefined {
  const namer = BY_KEY[key];
  if (!namer || typeof value !== 'string') return undefined;
  return (meta && namer(meta, value)) ?? shortId(value);
}

/**
 * What an audit line is about, by name: «ДКС», «Иванов Иван», «Качество доставки», a user's name
 * or e-mail; null when the console can't name it (then the type and a short id are shown).
 */
export function targetName(meta: AuditMeta, row: AuditItem): string | null {
  const t = row.target;
  if (!t) return null;
  const d = row.details;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  switch (t.type) {
    case 'department':
      return department(meta, t.id) ?? text(d.name) ?? null;
    case 'employee':
      return meta.employees.find((e) => e.id === t.id)?.name ?? text(d.name) ?? text(d.slug) ?? null;
    case 'user':
      // A viewer or a former user is no «handler»: his own line still knows his e-mail.
      return user(meta, t.id) ?? text(d.email) ?? (row.user?.id === t.id ? row.user.email : null);
    case 'subject': {
      const slug = text(d.slug);
      return (slug && meta.subjects.find((s) => s.slug === slug)?.title) || text(d.title) || slug || null;
    }
    case 'employees':
    case 'calendar_day':
      return t.id; // a file's name, a day
    default:
      return null;
  }
}

/**
 * Who acted, by name when he is one of the console's users the meta knows, else his e-mail.
 * @example actorName(meta, { id: 'u-handler', email: 'dks@example.ru' }) // 'Бадыштова К.'
 */
export function actorName(meta: AuditMeta, actor: NonNullable<AuditItem['user']>): string {
  return user(meta, actor.id) ?? actor.email ?? shortId(actor.id);
}
