import { feedbackSchema, validate } from '../../shared/feedback-schema.ts';
import type { FieldErrorCode } from '../../shared/i18n.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { Draft } from './draft.ts';

/**
 * Checks a draft with the same schema the server uses; `{}` when it is valid.
 * @example validateDraft({ ...emptyDraft(), message: ' ' }) // { kind: 'kind', message: 'required', consent: 'consent' }
 */
export function validateDraft(draft: Draft): Partial<Record<string, FieldErrorCode>> {
  const result = validate(feedbackSchema, { ...draft });
  return result.success ? {} : result.errors;
}

/**
 * Adds picked files to the chosen ones, refusing what is too many or too big. The server checks
 * again, by content; this only spares the client a long upload that would be refused.
 * @example addFiles([], [bigFile], 10) // { files: [], error: 'fileSize', refused: ['big.pdf'] }
 */
export function addFiles(chosen: File[], picked: File[], maxFileMb: number) {
  const files = [...chosen];
  const refused: string[] = [];
  let error: FieldErrorCode | undefined;
  for (const file of picked) {
    if (file.size > maxFileMb * 1024 * 1024) {
      error = 'fileSize';
      refused.push(file.name);
    } else if (files.length >= LIMITS.filesMax) {
      error ??= 'filesCount';
      refused.push(file.name);
    } else {
      files.push(file);
    }
  }
  return { files, error, refused };
}
