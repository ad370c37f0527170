import { render } from 'preact';
import type { MountedWidget, MountOptions } from '../loader/contract.ts';
import { keyFromForm, ratingDraftFromForm } from './draft.ts';
import css from './rating.css?inline';
import { NothingToRate } from './done-views.tsx';
import { RatingWidget } from './rating-widget.tsx';
import { ratable, readRatingSettings } from './settings.ts';
import { RATING_TEXTS } from '../../shared/rating-texts.ts';
import { drawOver } from '../shared/draw-over.ts';

/**
 * The chunk `w/rating.js`: renders `<otklik-rating>` into its shadow root, taking over what the
 * hosted page's plain form (its light DOM) already holds. Attribute changes re-render it; a new
 * `subject` or `employee` starts a new widget.
 * @example mount(host, { base: 'https://feedback.example.ru/', root: host.attachShadow({ mode: 'open' }) })
 */
export function mount(host: HTMLElement, { base, root }: MountOptions): MountedWidget {
  // Over the rating page's plain form (a slow connection: the client began there), the widget
  // takes what he chose and typed; drawOver, the field he is in and its caret.
  const container = document.createElement('div');
  root.append(container);
  const form = host.querySelector('form');
  const initial = ratingDraftFromForm(form);
  const initialKey = keyFromForm(form);
  const draw = () => {
    const settings = readRatingSettings(host, base);
    render(
      <div
        class="otk"
        lang={settings.lang}
        style={{ '--otklik-accent': settings.accent }} // '' sets none
      >
        <style>{css}</style>
        {ratable(settings) ? (
          <RatingWidget
            key={`${settings.subject}/${settings.employee}`}
            settings={settings}
            initial={initial}
            initialKey={initialKey}
            // The rating page itself: a site's own fallback form in the element is not it.
            hosted={form !== null && base.startsWith(`${location.origin}/`)}
          />
        ) : (
          <NothingToRate
            texts={RATING_TEXTS[settings.lang]}
            base={base}
            lang={settings.lang}
            employee={false}
            takeFocus={false}
          />
        )}
      </div>,
      container,
    );
  };
  drawOver(host, container, draw);
  // Every attribute, not only the settings': re-rendering unchanged settings changes nothing.
  new MutationObserver(draw).observe(host, { attributes: true });
  return {};
}
