import { feedbackFields, validateAsTyped } from '../../shared/feedback-schema.ts';
import type { FieldErrorCode } from '../../shared/i18n.ts';
import { ACCEPTED_FILES, FILES_MAX } from '../../shared/limits.ts';
import type { Draft } from './draft.ts';

/**
 * Checks a draft with the same schema the server uses; `{}` when it is valid. Control characters
 * are left to the server (shared/rules.ts `validateAsTyped`): its 422 shows under the field.
 * @example validateDraft({ ...emptyDraft(), message: ' ' }) // { kind: 'kind', message: 'required', consent: 'consent' }
 */
export function validateDraft(draft: Draft): Partial<Record<string, FieldErrorCode>> {
  const result = validateAsTyped(feedbackFields, draft);
  return result.success ? {} : result.errors;
}

/**
 * Adds picked files to the chosen ones, refusing, by reason, what the server would not take (by
 * its name: the picker's `accept` can be overridden, and a dropped file never asks it), what is
 * too big and what is too many. The server checks again, by content; this only spares the client
 * a long upload that would be refused.
 * @example addFiles([], [bigFile, exe], 10) // { files: [], refused: { fileSize: ['big.pdf'], fileType: ['setup.exe'] } }
 */
export function addFiles(chosen: File[], picked: File[], maxFileMb: number) {
  const files = [...chosen];
  const refused: Partial<Record<FieldErrorCode, string[]>> = {};
  for (const file of picked) {
    const name = file.name.toLowerCase();
    const code = !ACCEPTED_FILES.split(',').includes(name.slice(name.lastIndexOf('.')))
      ? 'fileType'
      : file.size > maxFileMb * 1024 * 1024
        ? 'fileSize'
        : files.length >= FILES_MAX && 'filesCount';
    // biome-ignore lint/suspicious/noAssignInExpressions: the widget's bytes are counted; this is the shortest form
    if (code) (refused[code] ??= []).push(file.name);
    else files.push(file);
  }
  return { files, refused };
}
