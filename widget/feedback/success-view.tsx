import type { FeedbackAnswer } from '../../shared/api-answers.ts';
import type { FormTexts } from './settings.ts';

// One function for every render, so Preact calls it only when the heading appears.
const focus = (heading: HTMLElement | null) => heading?.focus();

/** «Ваша заявка принята!» with the registration number; the heading takes the focus. */
export function SuccessView({
  texts,
  accepted,
  onAnother,
}: {
  texts: FormTexts;
  accepted: FeedbackAnswer;
  onAnother(): void;
}) {
  return (
    <div class="done">
      <h3 tabIndex={-1} ref={focus}>
        {texts.accepted}
      </h3>
      <p>{texts.thanks}</p>
      <p class="number">
        <span>{texts.numberLabel}</span>
        <strong>{accepted.number}</strong>
      </p>
      <p>
        {texts.promise} {accepted.answerByText}
      </p>
      <button type="button" class="btn ghost" onClick={onAnother}>
        {texts.another}
      </button>
    </div>
  );
}
