import type { ErrorAnswer } from '../../shared/api-answers.ts';
import type { Lang } from '../../shared/lang.ts';
import { PAGE_MAX } from '../../shared/limits.ts';
import { blankToUndefined } from '../../shared/rules.ts';
import type { ProofOfWork } from './proof-of-work.ts';

/** How a submission went, as the controllers show it. */
export type SendResult<A> =
  | { ok: true; accepted: A }
  | Refusal
  /** No answer (status 0), or one that is not the server's: nothing is known to be stored; the same key is sent again. */
  | { ok: false; network: true };

/** The server refused it (4xx): what to show at the top and next to the fields. */
export type Refusal = { ok: false; message: string; fields: Record<string, string> };

/**
 * Posts one submission (a feedback message, a rating) with its proof of work and reads the
 * server's answer: JSON, or multipart when there are files (each under `files`); blank fields
 * are left out. A proof the server did not take (expired, already used) is solved anew and the
 * post sent once more, with the same idempotency key, before the refusal is shown. Arguments in a
 * row rather than an object: their names would be in the chunk twice.
 * @example await postSubmission<RatingAnswer>(`${base}api/v1/ratings`, 'ru', key, rating, pow)
 */
export async function postSubmission<A extends { number: string }>(
  url: string,
  lang: Lang,
  idempotencyKey: string,
  fields: Record<string, unknown>,
  pow: ProofOfWork,
  files: File[] = [],
  /** What to say under the files when a proxy refuses the body as too large. */
  tooLarge?: string,
): Promise<SendResult<A>> {
  const headers: Record<string, string> = {
    'Idempotency-Key': idempotencyKey,
    'Accept-Language': lang,
    Accept: 'application/json',
  };
  for (let again = true; ; again = false) {
    // A solution, or without Web Crypto the challenge's `started` token; no challenge came (no
    // connection): the post goes without either, and fails as the challenge did (the draft stays).
    const sent = blankToUndefined({
      ...fields,
      page: location.href.slice(0, PAGE_MAX),
      idempotencyKey,
      ...(await pow(true)),
    });
    let body: string | FormData = JSON.stringify(sent);
    if (files.length) {
      body = new FormData();
      for (const [key, value] of Object.entries(sent)) body.append(key, value as string); // FormData makes strings of them
      for (const file of files) body.append('files', file); // a File keeps its name
    } else headers['Content-Type'] = 'application/json';
    let response: Response;
    let json: (Partial<ErrorAnswer> & { number?: string }) | null;
    try {
      // A connection that died without closing left «Отправляем…» for minutes, every tap ignored:
      // given up after 30 s, or 50 minutes with files (5 × 10 MB over a 140 kbit/s uplink; a
      // timeout growing with their size cost 27 B more of the widget's budget), it is the notice
      // and «Отправить ещё раз» with the same key. Not in browsers without the timeout.
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout?.(files.length ? 3e6 : 3e4),
      });
      json = await response.json().catch(() => null);
    } catch {
      pow(); // solved while the client waits to send again
      return { ok: false, network: true };
    }
    if (response.ok && json?.number) return { ok: true, accepted: json as unknown as A };
    // A proxy in front of the server (nginx refuses bodies over 1 MB by default) answers 413 in HTML.
    if (response.status === 413 && tooLarge) return { ok: false, message: '', fields: { files: tooLarge } };
    if (json?.error?.code === 'pow_failed' && again) continue;
    pow();
    if (json?.error && response.status < 500)
      return { ok: false, message: json.error.message, fields: json.error.fields ?? {} };
    return { ok: false, network: true };
  }
}
