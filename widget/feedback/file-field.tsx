import { FORM_TEXTS, type Lang } from '../../shared/i18n.ts';

import { ACCEPTED_FILES } from '../../shared/limits.ts';
import { errorId, FieldError } from '../shared/fields.tsx';

interface FileFieldProps {
  lang: Lang;
  files: File[];
  maxFileMb: number;
  error: string | undefined;
  onPick(files: File[]): void;
  onRemove(index: number): void;
}

/** 1,5 МБ / 1.5 MB; under a megabyte in whole kilobytes. */
function size(lang: Lang, bytes: number): string {
  const texts = FORM_TEXTS[lang];
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / 1024 / 1024 : Math.ceil(bytes / 1024);
  return `${value.toLocaleString(lang, { maximumFractionDigits: 1 })} ${mb ? texts.mb : texts.kb}`;
}

/**
 * The attachments: a native file input (hidden, but focusable and labelled) behind a button-like
 * label, so the picker's own «No file chosen» in the browser's language doesn't show.
 */
export function FileField({ lang, files, maxFileMb, error, onPick, onRemove }: FileFieldProps) {
  const texts = FORM_TEXTS[lang];
  return (
    <div class="field">
      <label for="files">{texts.files}</label>
      <input
        id="files"
        name="files"
        type="file"
        class="sr"
        multiple
        accept={ACCEPTED_FILES}
        aria-describedby={`files-hint${error ? ` ${errorId('files')}` : ''}`}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => {
          const input = e.currentTarget;
          onPick([...(input.files ?? [])]);
          input.value = ''; // the same file may be picked again after removing it
        }}
      />
      {/* A second label, so the picker is named by what it shows too («Файл Выбрать файлы»): a
          voice user says «Выбрать файлы» (WCAG 2.5.3). */}
      <label for="files" class="pick">
        {texts.chooseFiles}
      </label>
      <p class="hint" id="files-hint">
        {texts.filesHint(maxFileMb)}
      </p>
      {/* Said aloud as it changes: the picker keeps the focus, so a file added, or the last one
          removed («Файл не выбран»), went unheard. */}
      <div aria-live="polite">
        {files.length ? (
          <ul class="list">
            {files.map((file, i) => (
              <li key={`${file.name}-${i}`}>
                <span class="name" title={file.name}>
                  {file.name}
                </span>
                <span class="hint">{size(lang, file.size)}</span>
                <button
                  type="button"
                  class="x"
                  aria-label={`${texts.removeFile}: ${file.name}`}
                  onClick={(e) => {
                    onRemove(i);
                    // The button is about to disappear; the picker keeps the focus in the form.
                    (e.currentTarget.getRootNode() as ShadowRoot).getElementById('files')?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{texts.noFile}</p>
        )}
      </div>
      <FieldError field="files" text={error} />
    </div>
  );
}
