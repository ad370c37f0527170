/**
 * Esc on an inline form does what its «Отмена» does: the form closes and the focus goes back to
 * what opened it (the caller's `close` sees to that). With text typed in it (`typed`), only once
 * the user agrees to lose it: an Esc meant for an autofill hint closed a written reason. Not while
 * an input method is composing a word: there Esc drops the composition only.
 * @example <form onKeyDown={closeOnEscape(() => onClose(false), reason.trim() !== '')}>…</form>
 */
export const closeOnEscape =
  (close: () => void, typed = false) =>
  (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented) return;
    e.preventDefault();
    if (typed && !confirm('Введённый текст пропадёт. Закрыть форму?')) return;
    close();
  };
