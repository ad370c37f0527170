import type { RatingAnswer } from '../../shared/api-answers.ts';
import type { RatingTexts } from './settings.ts';

// One function for every render, so Preact calls it only when the heading appears.
const focus = (heading: HTMLElement | null) => heading?.focus();

/**
 * «Спасибо за отзыв!» with the review's number and who reads it; the heading takes the focus. An
 * h3 under the widget's own h2 title, else an h2 (under the page's h1, on `/r/:slug`): the outline
 * skips no level.
 */
export function RatingSuccess({
  texts,
  accepted,
  employee,
  titled,
}: {
  texts: RatingTexts;
  accepted: RatingAnswer;
  employee: boolean;
  /** The widget shows its title (an h2) above. */
  titled: boolean;
}) {
  const score = accepted.score;
  const Heading = titled ? 'h3' : 'h2';
  return (
    <div class="done">
      <Heading tabIndex={-1} ref={focus}>
        {texts.thanks}
      </Heading>
      {score >= 1 && score <= 5 && (
        <p class="given">
          <span aria-hidden="true">
            {'★'.repeat(score)}
            <i>{'☆'.repeat(5 - score)}</i>
          </span>
          {texts.starLabel(score, texts.stars[score - 1]!)}
        </p>
      )}
      <p class="number">
        <span>{texts.numberLabel}</span>
        <strong>{accepted.number}</strong>
      </p>
      {accepted.changed && <p>{texts.changed}</p>}
      <p>{employee ? texts.toManager : texts.toRecipients}</p>
    </div>
  );
}

interface NothingToRateProps {
  texts: RatingTexts;
  base: string;
  /** The hosted form in the widget's language: a Russian browser's choice would win without it. */
  lang: string;
  /** An employee unknown or who no longer works here, rather than a subject or link that doesn't exist. */
  employee: boolean;
  /** The client was sending: the news takes the focus. */
  takeFocus: boolean;
}

/** «Сотрудник не найден или больше не работает в компании», politely, with the way to write to the company instead; no title above it. */
export function NothingToRate({ texts, base, lang, employee, takeFocus }: NothingToRateProps) {
  return (
    <div class="done">
      <h2 tabIndex={-1} ref={takeFocus ? focus : undefined}>
        {employee ? texts.goneTitle : texts.notFound}
      </h2>
      <p>{texts.inactiveText}</p>
      <a class="btn" href={`${base}f?lang=${lang}`}>
        {texts.writeUs}
      </a>
    </div>
  );
}
