import type { ReviewsPageAnswer } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';

/**
 * Asks the server for the newest published reviews, of one employee, of one subject or of all
 * (`filter` as `filterQuery` makes it); null when it doesn't answer as expected (no connection, an
 * error, a wrong `employee` or `subject` attribute).
 * @example await loadReviews('https://feedback.example.ru/', 'ru', 'subject=delivery', 5) // { items: [ … ], summary: { count: 12, average: 4.7 }, … }
 */
export async function loadReviews(
  base: string,
  lang: Lang,
  filter: string,
  limit: number,
): Promise<ReviewsPageAnswer | null> {
  const query = `limit=${limit}${filter && `&${filter}`}`;
  try {
    const response = await fetch(`${base}api/v1/reviews?${query}`, {
      headers: { Accept: 'application/json', 'Accept-Language': lang },
    });
    const json = response.ok ? ((await response.json()) as ReviewsPageAnswer) : null;
    return json && Array.isArray(json.items) && json.summary ? json : null;
  } catch {
    return null;
  }
}
