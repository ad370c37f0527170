/**
 * The rows of a list answer, whether it is an array or `{ items: [...] }`.
 * @example listOf<Department>(await api.get('departments'))
 */
export function listOf<T>(answer: unknown, key = 'items'): T[] {
  if (Array.isArray(answer)) return answer as T[];
  if (answer && typeof answer === 'object') {
    const a = answer as Record<string, unknown>;
    const found = a[key] ?? Object.values(a).find(Array.isArray);
    if (Array.isArray(found)) return found as T[];
  }
  return [];
}
