import type { MountedWidget, WidgetChunk } from './contract.ts';
import { pickLang } from '../../shared/lang.ts';
import { drawLauncher } from './launcher.ts';

/** Imports a chunk by its URL; tests pass their own. */
export type ChunkImporter = (url: string) => Promise<WidgetChunk>;

const loads: Record<string, Promise<WidgetChunk> | undefined> = {};

/**
 * The page's floating buttons, hidden while an inline form is on screen: on a phone the button
 * covered the form's «Отправить», and the form it would open is there already.
 */
const launchers: HTMLElement[] = [];
const formsInSight = new Set<Element>();
const importChunk: ChunkImporter = (url) => import(/* @vite-ignore */ url);

/**
 * Defines a custom element whose code lives in the lazy chunk `w/<chunk>.js`.
 * Inline widgets load when they come near the viewport. Until then their light DOM stays
 * visible (the hosted page's plain form, which works without JavaScript); the shadow root is
 * attached only when the chunk is ready, and it has no slot, so the light DOM stops rendering.
 * `mode="button"` draws a floating button at once and loads the chunk on hover or focus, opening
 * the widget on click.
 * @example defineWidget('otklik-rating', 'rating', 'https://feedback.example.ru/')
 */
export function defineWidget(tag: string, chunk: string, base: string, importer = importChunk): void {
  if (customElements.get(tag)) return; // the embed script was included twice
  const url = `${base}w/${chunk}.js`;
  // Once per page; a failed load may be tried again.
  const load = () =>
    (loads[url] ??= importer(url).catch((error: unknown) => {
      loads[url] = undefined;
      throw error;
    }));
  customElements.define(
    tag,
    class extends HTMLElement {
      // Declared only: no class fields in the loader's bytes; unset is undefined all the same.
      declare started?: boolean;
      declare observer?: IntersectionObserver;

      connectedCallback() {
        if (this.started) return;
        if (this.getAttribute('mode') === 'button') {
          this.started = true;
          this.button();
        } else if (!this.observer) {
          // 300px ahead of the viewport, so the form is usually ready before it is seen. Every
          // browser that can run this script (it uses ??=) has IntersectionObserver.
          this.observer = new IntersectionObserver(
            (entries) => entries.some((e) => e.isIntersecting) && this.inline(),
            { rootMargin: '300px' },
          );
          this.observer.observe(this);
        }
      }

      disconnectedCallback() {
        this.observer?.disconnect();
        this.observer = undefined;
      }

      inline() {
        this.disconnectedCallback();
        this.started = true;
        load().then(
          (m) => {
            m.mount(this, { base, root: this.shadowRoot ?? this.attachShadow({ mode: 'open' }) });
            // The reviews' list is no form: reading it, one may still want the button.
            if (chunk !== 'reviews')
              new IntersectionObserver(([e]) => {
                e!.isIntersecting ? formsInSight.add(this) : formsInSight.delete(this);
                for (const l of launchers) l.style.visibility = formsInSight.size ? 'hidden' : '';
              }).observe(this);
          },
          () => (this.started = false), // the light DOM form stays; try again on the next connection
        );
      }

      button() {
        const root = this.attachShadow({ mode: 'open' });
        const launcher = drawLauncher(this, root);
        launchers.push(launcher);
        let mounted: MountedWidget | undefined;
        const prefetch = () => load().catch(() => undefined);
        launcher.addEventListener('pointerenter', prefetch, { once: true });
        launcher.addEventListener('focus', prefetch, { once: true });
        launcher.addEventListener('click', () => {
          launcher.setAttribute('aria-busy', 'true');
          load()
            // biome-ignore lint/suspicious/noAssignInExpressions: mount once, then open; the loader's bytes are counted
            .then((m) => (mounted ??= m.mount(this, { base, root, launcher })).open?.())
            // The hosted form works without the chunk, in the button's language.
            .catch(() => location.assign(`${base}f?lang=${pickLang(this.getAttribute('lang'))}`))
            .finally(() => launcher.removeAttribute('aria-busy'));
        });
      }
    },
  );
}
