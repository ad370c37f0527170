import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import { blankToUndefined } from '../../shared/feedback-schema.ts';
import { FORM_ERRORS, type Lang } from '../../shared/i18n.ts';

import { postSubmission, type SendResult } from '../shared/post-submission.ts';
import type { Draft } from './draft.ts';

/**
 * Sends one message: JSON without files, multipart with them (each under `files`). Arguments in a
 * row rather than an object: their names would be in the chunk twice.
 * @example await sendFeedback(base, 'ru', draft, [], key, location.href)
 */
export async function sendFeedback(
  base: string,
  lang: Lang,
  draft: Draft,
  files: File[],
  idempotencyKey: string,
  page: string,
): Promise<SendResult<FeedbackAnswer>> {
  const fields = blankToUndefined({ ...draft, consent: true, page, idempotencyKey });
  const headers: Record<string, string> = {
    'Idempotency-Key': idempotencyKey,
    'Accept-Language': lang,
    Accept: 'application/json',
  };
  let body: string | FormData;
  if (files.length) {
    body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, String(value));
    for (const file of files) body.append('files', file, file.name);
  } else {
    body = JSON.stringify(fields);
    headers['Content-Type'] = 'application/json';
  }
  const result = await postSubmission<FeedbackAnswer>(`${base}api/v1/feedback`, headers, body);
  // A proxy in front of the server (nginx refuses bodies over 1 MB by default) answers 413 in HTML.
  return 'status' in result && result.status === 413
    ? { ok: false, message: '', fields: { files: FORM_ERRORS[lang].fileSize } }
    : result;
}
