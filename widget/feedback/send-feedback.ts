import { blankToUndefined } from '../../shared/feedback-schema.ts';
import { FIELD_ERRORS, type Lang } from '../../shared/i18n.ts';

import type { Draft } from './draft.ts';

/** The 201 answer of `POST /api/v1/feedback`. */
export interface Accepted {
  id: string;
  number: string;
  kind: string;
  createdAt: string;
  ack: string;
}

export type SendResult =
  | { ok: true; accepted: Accepted }
  /** The server refused the message (4xx): what to show at the top and next to the fields. */
  | { ok: false; message: string; fields: Record<string, string> }
  /** No answer, or a 5xx: nothing is known to be stored; the same key is sent again. */
  | { ok: false; network: true };

export interface SendRequest {
  base: string;
  lang: Lang;
  draft: Draft;
  files: File[];
  idempotencyKey: string;
  page: string;
}

/**
 * Sends one message: JSON without files, multipart with them (each under `files`).
 * @example await sendFeedback({ base, lang: 'ru', draft, files: [], idempotencyKey, page: location.href })
 */
export async function sendFeedback(req: SendRequest): Promise<SendResult> {
  const fields = blankToUndefined({ ...req.draft, consent: true, page: req.page, idempotencyKey: req.idempotencyKey });
  const headers: Record<string, string> = {
    'Idempotency-Key': req.idempotencyKey,
    'Accept-Language': req.lang,
    Accept: 'application/json',
  };
  let body: string | FormData;
  if (req.files.length) {
    body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, String(value));
    for (const file of req.files) body.append('files', file, file.name);
  } else {
    body = JSON.stringify(fields);
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  let json: Partial<Accepted & ErrorBody> | null;
  try {
    response = await fetch(`${req.base}api/v1/feedback`, { method: 'POST', headers, body });
    json = await response.json().catch(() => null);
  } catch {
    return { ok: false, network: true };
  }
  if (response.ok && json?.number) return { ok: true, accepted: json as Accepted };
  if (json?.error && response.status < 500)
    return { ok: false, message: json.error.message, fields: json.error.fields ?? {} };
  // A proxy in front of the server (nginx refuses bodies over 1 MB by default) answers 413 in HTML.
  if (response.status === 413) return { ok: false, message: '', fields: { files: FIELD_ERRORS[req.lang].fileSize } };
  return { ok: false, network: true };
}

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
