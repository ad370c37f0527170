import { pickLang } from '../../shared/lang.ts';
import { accentOf } from '../shared/accent.ts';

// The button's only texts: the loader can't carry FORM_TEXTS (it would cost more than the whole
// loader), and the form, drawn once the button is used, never shows them.
export const LAUNCHER_TEXTS = { ru: 'Оставить отзыв', en: 'Leave feedback' };

// Scoped by class: the widget's dialog renders its own buttons into the same shadow root.
const CSS =
  ':host{all:initial;display:block}' +
  '.launcher{all:initial;position:fixed;right:max(16px,env(safe-area-inset-right));bottom:max(16px,env(safe-area-inset-bottom));z-index:2147483000;' +
  'box-sizing:border-box;cursor:pointer;padding:12px 20px;border-radius:999px;font:600 15px/1.2 var(--otklik-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);' +
  'color:var(--otklik-accent-text,#fff);background:var(--otklik-accent,#1d4ed8);box-shadow:0 4px 16px rgba(15,23,42,.3)}' +
  '.launcher:hover{filter:brightness(1.1)}' +
  '.launcher:focus-visible{outline:3px solid var(--otklik-accent,#1d4ed8);outline-offset:3px}' +
  '@media print{.launcher{display:none}}';

/**
 * Draws the floating «Оставить отзыв» button of `mode="button"` into the host's shadow root; like
 * the widget, it follows the host's `lang` and `accent` when the page changes them.
 * The dialog it opens comes with the widget's chunk.
 * @example const button = drawLauncher(host, host.attachShadow({ mode: 'open' }))
 */
export function drawLauncher(host: HTMLElement, root: ShadowRoot): HTMLButtonElement {
  const style = document.createElement('style');
  const button = document.createElement('button');
  style.textContent = CSS;
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-haspopup', 'dialog');
  const draw = () => {
    button.textContent = LAUNCHER_TEXTS[pickLang(host.getAttribute('lang'))];
    // '' removes it: the CSS reads the page's --otklik-accent, else the default.
    button.style.setProperty('--otklik-accent', accentOf(host));
  };
  draw();
  new MutationObserver(draw).observe(host, { attributes: true });
  root.append(style, button);
  return button;
}
