import type { EmployeeAnswer, SubjectAnswer } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';

/** Who or what is rated, as `GET /api/v1/employees/:slug` or `GET /api/v1/subjects/:slug` tells. */
export type Rated = EmployeeAnswer | SubjectAnswer;

export type LoadResult =
  | { ok: true; rated: Rated }
  /** 404: the employee left (or never was), the subject doesn't exist. */
  | { ok: false; gone: true }
  /** No answer: the form still works, without the name. */
  | { ok: false; gone?: undefined };

export const headers = (lang: Lang): Record<string, string> => ({
  Accept: 'application/json',
  'Accept-Language': lang,
});

/**
 * Asks the server who is rated.
 * @example await loadRated('https://feedback.example.ru/', 'ru', 'employee', 'ivanov') // { ok: true, rated: { name: 'Иванов Иван', … } }
 */
export async function loadRated(base: string, lang: Lang, subject: string, employee: string): Promise<LoadResult> {
  const path = subject === 'employee' ? `employees/${employee}` : `subjects/${subject}`;
  try {
    const response = await fetch(`${base}api/v1/${path}`, { headers: headers(lang) });
    if (response.status === 404) return { ok: false, gone: true };
    const json = response.ok ? ((await response.json()) as Rated) : null;
    return json && ('name' in json || 'title' in json) ? { ok: true, rated: json } : { ok: false };
  } catch {
    return { ok: false };
  }
}
