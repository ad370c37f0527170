// Limits of the public payloads, shared by the widget's instant checks and the server. Each its
// own constant, not one object: the bundler inlines the few the widget uses and drops the rest,
// where an object came whole into the feedback form's chunk.

export const MESSAGE_MAX = 5000;
export const NAME_MAX = 200;
export const ORGANIZATION_MAX = 300;
export const EMAIL_MAX = 254;
export const PAGE_MAX = 2000;
export const IDEMPOTENCY_KEY_MAX = 200;
export const COMMENT_MAX = 2000;
export const SLUG_MAX = 64;
export const FILES_MAX = 5;
/** Default per-file size in MB; the server's MAX_FILE_MB overrides it. */
export const FILE_MB_DEFAULT = 10;
/** The `altcha` field: base64 of a solved challenge's JSON, about 400 characters. */
export const ALTCHA_MAX = 1000;

/**
 * The least time between a form getting its challenge (or, without JavaScript, its page) and its
 * post: sooner is a bot (403 `too_fast`), so the widget waits this long before sending. A message
 * takes a person longer than 3 s to choose a kind, write and tick the consent; a rating can be one
 * click on a star a signature link already chose, so 1 s.
 * @example MIN_FILL_MS.feedback // 3000
 */
export const MIN_FILL_MS = { feedback: 3000, rating: 1000 } as const;

/**
 * Extensions of what the server takes (server/feedback/attachments.ts, a test keeps the two
 * equal): the picker offers only these and the widget refuses others before sending. The server
 * decides by content, not by name.
 */
export const ACCEPTED_FILES =
  '.pdf,.jpg,.jpeg,.png,.gif,.webp,.heic,.heif,.avif,.bmp,.tif,.tiff,.txt,.csv,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/** Version of the personal-data consent text, stored with every message (152-ФЗ). */
export const CONSENT_VERSION = '2026-11-22';
