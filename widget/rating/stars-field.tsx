import { FieldError, invalidProps, Required } from '../shared/fields.tsx';
import type { RatingTexts } from './settings.ts';

interface StarsFieldProps {
  texts: RatingTexts;
  legend: string;
  /** The score the radios start with ('' for none); they keep what is chosen (uncontrolled). */
  initial: string;
  /** The chosen score, for the fill and the caption. */
  score: string;
  error: string | undefined;
}

const SCORES = [1, 2, 3, 4, 5];

/**
 * Five stars as a native radio group: arrow keys move and choose, each star is named «4 из 5 —
 * хорошо». The radios are invisible (not hidden: they keep the focus); the star drawn next to each
 * is a filled ★ up to the chosen one and an outlined ☆ after it, and is coloured up to the hovered
 * one while the pointer is over them.
 */
export function StarsField({ texts, legend, initial, score, error }: StarsFieldProps) {
  const chosen = Number(score);
  return (
    <fieldset class="field">
      <legend>
        {legend}
        <Required />
      </legend>
      <div class="stars">
        {SCORES.map((n) => {
          const label = texts.starLabel(n, texts.stars[n - 1]!);
          return (
            <label class={n <= chosen ? 'star on' : 'star'} key={n} title={label}>
              <input
                type="radio"
                name="score"
                value={n}
                defaultChecked={initial === String(n)}
                required
                {...invalidProps('score', error)}
              />
              <span aria-hidden="true">{n <= chosen ? '★' : '☆'}</span>
              <span class="sr">{label}</span>
            </label>
          );
        })}
        {/* The chosen star's name again, for the eye: a screen reader already heard it. */}
        <span class="said" aria-hidden="true">
          {chosen ? texts.starLabel(chosen, texts.stars[chosen - 1]!) : ''}
        </span>
      </div>
      <FieldError field="score" text={error} />
    </fieldset>
  );
}
