// The company the benchmark's submissions are about: departments, their employees, the console's
// handlers (one per department, its default responsible for complaints) and the rating subjects.
import { randomUUID } from 'node:crypto';
import type { Random } from './random.ts';
import { DEPARTMENTS, fio, POSITIONS, translit } from './vocabulary.ts';

export interface Dept {
  id: string;
  name: string;
  /** The handler new complaints of the department are assigned to. */
  handlerId: string;
}
export interface Emp {
  id: string;
  slug: string;
  name: string;
  departmentId: string;
}

/** Rating subjects besides «delivery», which the ratings migration creates. */
const SUBJECTS = [
  { slug: 'service', title: 'Сервисный центр' },
  { slug: 'hotline', title: 'Горячая линия' },
  { slug: 'pickup', title: 'Самовывоз со склада' },
];

export type Directory = ReturnType<typeof directory>;

/** The directory and its rows, table by table, in the order foreign keys need. */
export function directory(r: Random, now: string) {
  const departments: Dept[] = DEPARTMENTS.map((name) => ({ id: randomUUID(), name, handlerId: randomUUID() }));
  const employees: Emp[] = Array.from({ length: 300 }, (_, i) => {
    const name = fio(r);
    return {
      id: randomUUID(),
      slug: `${translit(name.split(' ')[0]!)}-${i + 1}`,
      name,
      departmentId: r.pick(departments).id,
    };
  });
  const qms = { id: randomUUID(), name: fio(r) };
  const subjects = ['delivery', ...SUBJECTS.map((s) => s.slug)];
  const rows = {
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      responsible_name: fio(r),
      responsible_email: `${translit(d.name).replace(/\W+/g, '') || 'dept'}@example.ru`,
      created_at: now,
    })),
    employees: employees.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      position: r.pick(POSITIONS),
      department_id: e.departmentId,
      manager_name: fio(r),
      manager_email: 'boss@example.ru',
      active: r.chance(0.9) ? 1 : 0,
      created_at: now,
      updated_at: now,
    })),
    // Not a usable password: nobody signs in to the benchmark's database.
    users: [
      { id: qms.id, email: 'qms@example.ru', name: qms.name, role: 'qms', department_id: null },
      ...departments.map((d, i) => ({
        id: d.handlerId,
        email: `handler${i + 1}@example.ru`,
        name: fio(r),
        role: 'handler',
        department_id: d.id,
      })),
    ].map((u) => ({ ...u, password_hash: '-', must_change_password: 0, active: 1, created_at: now, updated_at: now })),
    subjects: SUBJECTS.map((s) => ({
      id: randomUUID(),
      slug: s.slug,
      title: s.title,
      recipients: '[]',
      active: 1,
      created_at: now,
    })),
  };
  return { departments, employees, subjects, qmsId: qms.id, rows };
}
