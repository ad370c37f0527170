import { Hono } from 'hono';
import type { ConsoleMeta } from '../../shared/console-types.ts';
import type { ConsoleEnv } from '../sessions/context.ts';
import { handles } from '../complaints/handles.ts';
import type { ConsoleDeps } from './deps.ts';
import { CHANNELS, KINDS, STATUSES, TYPES } from './vocabulary.ts';

/** `GET /meta`: what the inbox's filters offer (the directory and the fixed vocabularies). */
export function consoleMeta(deps: ConsoleDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const [departments, employees, subjects, handlers] = await Promise.all([
      deps.db
        .selectFrom('departments')
        .select(['id', 'name', 'responsible_name', 'responsible_email', 'responsible_user_id'])
        .orderBy('name')
        .execute(),
      deps.db
        .selectFrom('employees')
        .select(['id', 'slug', 'name', 'position', 'department_id', 'active'])
        .orderBy('name')
        .orderBy('slug')
        .execute(),
      deps.db.selectFrom('rating_subjects').select(['slug', 'title']).orderBy('title').execute(),
      deps.db
        .selectFrom('users')
        .select(['id', 'name', 'role', 'department_id', 'active'])
        .where('active', '=', 1)
        .where('role', 'in', ['admin', 'qms', 'handler'])
        .orderBy('name')
        .execute(),
    ]);
    // The default responsible a new complaint of the department goes to: none when he may no longer
    // take it (moved to another department), as registration would not give it to him.
    const takes = (d: (typeof departments)[number]) =>
      handlers.some((u) => u.id === d.responsible_user_id && handles(u, d.id));
    const meta: ConsoleMeta = {
      departments: departments.map((d) => ({
        id: d.id,
        name: d.name,
        responsibleName: d.responsible_name,
        responsibleEmail: d.responsible_email,
        responsibleUserId: takes(d) ? d.responsible_user_id : null,
      })),
      employees: employees.map((e) => ({
        id: e.id,
        slug: e.slug,
        name: e.name,
        position: e.position,
        departmentId: e.department_id,
        active: e.active === 1,
      })),
      subjects,
      handlers: handlers.map((u) => ({ id: u.id, name: u.name, role: u.role, departmentId: u.department_id })),
      types: TYPES,
      kinds: KINDS,
      statuses: STATUSES,
      channels: CHANNELS,
    };
    return c.json(meta);
  });
}
