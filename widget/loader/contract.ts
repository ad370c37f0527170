/**
 * The contract between the loader (`embed.js`) and each lazy widget chunk in `w/`.
 * A chunk `w/<name>.js` exports `mount`; the loader calls it once, when the widget is needed.
 *
 * @example
 * // w/rating.js (issue 3) only has to export:
 * export function mount(host: HTMLElement, options: MountOptions): MountedWidget { … }
 */
export interface WidgetChunk {
  mount(host: HTMLElement, options: MountOptions): MountedWidget;
}

export interface MountOptions {
  /** The server's URL with a trailing slash, e.g. `https://feedback.example.ru/`. */
  base: string;
  /** The element's open shadow root; the chunk renders into it. */
  root: ShadowRoot;
  /** In `mode="button"`, the floating button the loader drew; the chunk opens a dialog from it. */
  launcher?: HTMLButtonElement;
}

export interface MountedWidget {
  /** Opens the widget's dialog (button mode). */
  open?(): void;
}
