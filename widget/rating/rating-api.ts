import type { Lang } from '../../shared/lang.ts';
import type { Rating } from '../../shared/rating-schema.ts';

/** Who or what is rated, as `GET /api/v1/employees/:slug` or `GET /api/v1/subjects/:slug` tells. */
export type Rated = { name: string; position: string; department: string } | { title: string };

/** The 201 answer of `POST /api/v1/ratings`. */
export interface AcceptedRating {
  id: string;
  number: string;
  subject: string;
  score: number;
  createdAt: string;
  ack: string;
}

export type LoadResult =
  | { ok: true; rated: Rated }
  /** 404: the employee left (or never was), the subject doesn't exist. */
  | { ok: false; gone: true }
  /** No answer: the form still works, without the name. */
  | { ok: false; gone?: undefined };

const headers = (lang: Lang): Record<string, string> => ({ Accept: 'application/json', 'Accept-Language': lang });

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

export type SendResult =
  | { ok: true; accepted: AcceptedRating }
  /** The server refused the rating (4xx): what to show at the top and next to the fields. */
  | { ok: false; message: string; fields: Record<string, string> }
  /** No answer, or a 5xx: nothing is known to be stored; the same key is sent again. */
  | { ok: false; network: true };

/**
 * Sends one rating as JSON, the idempotency key both in the body and in the header.
 * @example await sendRating(base, 'ru', { subject: 'delivery', score: 5, publish: false, idempotencyKey: key })
 */
export async function sendRating(base: string, lang: Lang, rating: Partial<Rating>): Promise<SendResult> {
  let response: Response;
  let json: Partial<AcceptedRating & ErrorBody> | null;
  try {
    response = await fetch(`${base}api/v1/ratings`, {
      method: 'POST',
      headers: { ...headers(lang), 'Content-Type': 'application/json', 'Idempotency-Key': rating.idempotencyKey ?? '' },
      body: JSON.stringify(rating),
    });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, network: true };
  }
  if (response.ok && json?.number) return { ok: true, accepted: json as AcceptedRating };
  if (json?.error && response.status < 500)
    return { ok: false, message: json.error.message, fields: json.error.fields ?? {} };
  return { ok: false, network: true };
}

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
