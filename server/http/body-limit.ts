import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.ts';

/** A sign-in or a console user's fields. */
export const SMALL_BODY = 16 * 1024;
/** A rating, a console change or a comment: texts of a few thousand characters at most. */
export const FORM_BODY = 64 * 1024;

/**
 * Refuses a body larger than `maxSize` bytes with the project's 413, before it is read whole.
 * @example app.post('/', limitBody(FORM_BODY), handler)
 */
export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'too_large');
    },
  });
