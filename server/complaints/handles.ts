/**
 * Who may handle a department's complaints: an active user who is an editor, or an active handler
 * of that department — the one rule of the responsible, the registration form's default and the
 * reminders' addressee included.
 * @example handles({ role: 'handler', department_id: 'd1', active: 1 }, 'd2') // false
 */
export const handles = (
  u: { role: string; department_id: string | null; active: number },
  departmentId: string | null,
) =>
  u.active === 1 &&
  (u.role === 'admin' || u.role === 'qms' || (u.role === 'handler' && u.department_id === departmentId));
