import { pickLang } from '../../shared/lang.ts';

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
 * Draws the floating «Оставить отзыв» button of `mode="button"` into the host's shadow root.
 * The dialog it opens comes with the widget's chunk.
 * @example const button = drawLauncher(host, host.attachShadow({ mode: 'open' }))
 */
export function drawLauncher(host: HTMLElement, root: ShadowRoot): HTMLButtonElement {
  const style = document.createElement('style');
  const button = document.createElement('button');
  style.textContent = CSS;
  button.type = 'button';
  button.className = 'launcher';
  button.textContent = LAUNCHER_TEXTS[pickLang(host.getAttribute('lang'))];
  button.setAttribute('aria-haspopup', 'dialog');
  const accent = host.getAttribute('accent');
  if (accent) button.style.setProperty('--otklik-accent', accent);
  root.append(style, button);
  return button;
}
