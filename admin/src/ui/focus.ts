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
 * After a change that may take the focused control away (a step marked done loses its form and
 * button, a form is drawn anew): if the focus fell to the page's body, it goes to the nearest of
 * the control's sections and forms still on the page — its heading, else its first field — so
 * that a keyboard or screen-reader user goes on from where he was.
 * @example const around = placesOfFocus(); await save(); focusStaysIn(around)
 */
export function focusStaysIn(around: HTMLElement[]) {
  // A form drawn anew in its place (its key is what was saved) is found again by its heading's id,
  // before any section around it that stayed.
  const headingIds = around.map((el) => el.querySelector<HTMLElement>('h2, h3, h4')?.id || null);
  focusSoon(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return null;
    for (const [i, place] of around.entries()) {
      const id = headingIds[i];
      const heading = place.isConnected
        ? place.querySelector<HTMLElement>('h2, h3, h4')
        : id
          ? document.getElementById(id)
          : null;
      if (heading) {
        heading.tabIndex = -1;
        return heading;
      }
      if (place.isConnected)
        return place.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
    }
    return null;
  });
}

/** The sections and forms around the focused control, the nearest first, for focusStaysIn. */
export function placesOfFocus(): HTMLElement[] {
  const places: HTMLElement[] = [];
  let el =
    document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('section, form') : null;
  while (el) {
    places.push(el);
    el = el.parentElement?.closest<HTMLElement>('section, form') ?? null;
  }
  return places;
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
