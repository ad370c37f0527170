import type { ComponentChildren } from 'preact';

import type { FormTexts } from './settings.ts';

/**
 * The modal of `mode="button"`: a native <dialog> opened with showModal(), which makes the page
 * inert (the focus stays inside) and closes on Esc. Closing gives the focus back to the launcher.
 */
export function FeedbackDialog({
  texts,
  launcher,
  children,
}: {
  texts: FormTexts;
  launcher: HTMLElement;
  children: ComponentChildren;
}) {
  return (
    <dialog aria-labelledby="title" onClose={() => launcher.focus()}>
      <div class="head">
        <h2 id="title">{texts.title}</h2>
        <button
          type="button"
          class="x close"
          aria-label={texts.close}
          onClick={(e) => (e.currentTarget.closest('dialog') as HTMLDialogElement).close()}
        >
          ×
        </button>
      </div>
      <div class="body">{children}</div>
    </dialog>
  );
}
