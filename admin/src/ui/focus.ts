import { useEffect } from 'preact/hooks';

/**
 * Moves focus after Preact has drawn the change (an element appearing or disappearing).
 * @example focusSoon('#edit-42')
 */
export function focusSoon(target: string | (() => HTMLElement | null | undefined)) {
  setTimeout(() => {
    const el = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target();
    el?.focus();
  }, 0);
}

/**
 * Focuses the first field of a form that has just opened: `autofocus` is ignored by browsers
 * for elements added after the page loaded.
 */
export function useFocusFirstField(ref: { current: HTMLElement | null }) {
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([hidden]), select, textarea')?.focus();
  }, []);
}
