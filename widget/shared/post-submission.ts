import type { ErrorAnswer } from '../../shared/api-answers.ts';

/** How a submission went, as the controllers show it. */
export type SendResult<A> =
  | { ok: true; accepted: A }
  | Refusal
  /** No answer (status 0), or one that is not the server's: nothing is known to be stored; the same key is sent again. */
  | { ok: false; network: true; status?: number };

/** The server refused it (4xx): what to show at the top and next to the fields. */
export type Refusal = { ok: false; message: string; fields: Record<string, string> };

/**
 * Posts one submission (a feedback message, a rating) and reads the server's answer.
 * @example await postSubmission<RatingAnswer>(`${base}api/v1/ratings`, headers, JSON.stringify(rating))
 */
export async function postSubmission<A extends { number: string }>(
  url: string,
  headers: Record<string, string>,
  body: string | FormData,
): Promise<SendResult<A>> {
  let response: Response;
  let json: (Partial<ErrorAnswer> & { number?: string }) | null;
  try {
    response = await fetch(url, { method: 'POST', headers, body });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, network: true };
  }
  if (response.ok && json?.number) return { ok: true, accepted: json as unknown as A };
  if (json?.error && response.status < 500)
    return { ok: false, message: json.error.message, fields: json.error.fields ?? {} };
  return { ok: false, network: true, status: response.status };
}
