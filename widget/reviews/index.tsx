import { render } from 'preact';
import type { MountedWidget, MountOptions } from '../loader/contract.ts';
import css from './reviews.css?inline';
import { ReviewsWidget } from './reviews-widget.tsx';
import { readReviewsSettings } from './settings.ts';

/**
 * The chunk `w/reviews.js`: renders `<otklik-reviews>` into its shadow root. Attribute changes
 * re-render it; a new `employee`, `limit` or `lang` asks the server again.
 * @example mount(host, { base: 'https://feedback.example.ru/', root: host.attachShadow({ mode: 'open' }) })
 */
export function mount(host: HTMLElement, { base, root }: MountOptions): MountedWidget {
  const container = document.createElement('div');
  root.append(container);
  const draw = () => {
    const settings = readReviewsSettings(host, base);
    render(
      <div
        class="otk"
        lang={settings.lang}
        style={{ '--otklik-accent': settings.accent }} // '' sets none
      >
        <style>{css}</style>
        <ReviewsWidget
          key={`${settings.employee}/${settings.subject}/${settings.limit}/${settings.lang}`}
          settings={settings}
        />
      </div>,
      container,
    );
  };
  draw();
  // Every attribute, not only the settings': re-rendering unchanged settings changes nothing.
  new MutationObserver(draw).observe(host, { attributes: true });
  return {};
}
