/**
 * Who may handle a department's complaints, among active users: any editor, or a handler of
 * that department — the one rule of the responsible, the registration form's default and the
 * reminders' addressee included.
 * @example handles({ role: 'handler', department_id: 'd1' }, 'd2') // false
 */
export const handles = (u: { role: string; department_id: string | null }, departmentId: string | null) =>
  u.role === 'admin' || u.role === 'qms' || (u.role === 'handler' && u.department_id === departmentId);
