/**
 * Esc on an inline form of the card does what its «Отмена» does: the form closes and the focus
 * goes back to what opened it (the caller's `close` sees to that). Not while an input method is
 * composing a word: there Esc drops the composition only.
 * @example <form onKeyDown={closeOnEscape(() => onClose(false))}>…</form>
 */
export const closeOnEscape = (close: () => void) => (e: KeyboardEvent) => {
  if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
  e.preventDefault();
  close();
};
