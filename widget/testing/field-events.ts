/**
 * Typing into a field and leaving it the way a user does, each followed by `settle`: the widget's
 * own wait for Preact and its pending promises (the widgets' tests wait for different lengths).
 * @example export const { type, leave } = fieldEvents(settle);
 */
export function fieldEvents(settle: () => Promise<unknown>) {
  return {
    async type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
      el.focus();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    },
    async leave(el: Element) {
      el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await settle();
    },
  };
}
