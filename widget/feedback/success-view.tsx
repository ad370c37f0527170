import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import type { FormTexts } from './settings.ts';

// One function for every render, so Preact calls it only when the heading appears.
const focus = (heading: HTMLElement | null) => heading?.focus();

/**
 * What the server says once the message is registered, fitting its kind («Ваша заявка принята!»
 * for a complaint, «Спасибо за благодарность!» for a thanks), with the registration number; the
 * heading takes the focus. The words come in the answer, so the widget carries none of them.
 * Where the form is a page of its own (`site` set, as on `/f`), a link to the company's site.
 * An h2: under the page's h1 inline, beside the dialog's own h2 title (no level skipped either way).
 */
export function SuccessView({
  texts,
  accepted,
  site,
  onAnother,
}: {
  texts: FormTexts;
  accepted: FeedbackAnswer;
  site: string | null;
  onAnother(): void;
}) {
  const { title, thanks, next } = accepted.confirmation;
  return (
    <div class="done">
      <h2 tabIndex={-1} ref={focus}>
        {title}
      </h2>
      <p>{thanks}</p>
      <p class="number">
        <span>{texts.numberLabel}</span>
        <strong>{accepted.number}</strong>
      </p>
      <p>{next}</p>
      <button type="button" class="btn ghost" onClick={onAnother}>
        {texts.another}
      </button>
      {site && (
        <a href={site}>
          {texts.toSite} {site.replace(/^\w+:\/\//, '')}
        </a>
      )}
    </div>
  );
}
