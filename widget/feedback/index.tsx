import { render } from 'preact';
import { FORM_TEXTS } from '../../shared/i18n.ts';
import type { MountedWidget, MountOptions } from '../loader/contract.ts';
import css from './feedback.css?inline';
import { readSettings } from './settings.ts';
import { FeedbackWidget } from './feedback-widget.tsx';
import { draftFromForm } from './draft.ts';
import { FeedbackDialog } from './feedback-dialog.tsx';
import { drawOver } from '../shared/draw-over.ts';

/**
 * The chunk `w/feedback.js`: renders `<otklik-feedback>` into its shadow root, inline or, when the
 * loader drew a launcher, as a dialog it opens. Attribute changes (lang, accent, …) re-render it.
 * @example mount(host, { base: 'https://feedback.example.ru/', root: host.attachShadow({ mode: 'open' }) })
 */
export function mount(host: HTMLElement, { base, root, launcher }: MountOptions): MountedWidget {
  // Over the hosted page's plain form (a slow connection: the client began there), the widget
  // takes what he typed and chose; drawOver, the field he is in and its caret.
  const plain = host.querySelector('form');
  const initial = draftFromForm(plain);
  const files = [...(plain?.querySelector<HTMLInputElement>('[type=file]')?.files ?? [])];
  const container = document.createElement('div');
  root.append(container);
  const draw = () => {
    const settings = readSettings(host, base);
    const form = <FeedbackWidget settings={settings} initial={initial} files={files} />;
    render(
      <div
        class="otk"
        lang={settings.lang}
        style={{ '--otklik-accent': settings.accent }} // '' sets none
      >
        <style>{css}</style>
        {launcher ? (
          <FeedbackDialog texts={FORM_TEXTS[settings.lang]} launcher={launcher}>
            {form}
          </FeedbackDialog>
        ) : (
          form
        )}
      </div>,
      container,
    );
  };
  drawOver(host, container, draw);
  // Every attribute, not only the settings': re-rendering unchanged settings changes nothing.
  new MutationObserver(draw).observe(host, { attributes: true });
  return {
    open() {
      const dialog = container.querySelector('dialog')!;
      if (dialog.open) return;
      dialog.showModal();
      // Into the form, not onto the close button that comes first.
      dialog.querySelector<HTMLElement>('.done h2, input')?.focus();
    },
  };
}
