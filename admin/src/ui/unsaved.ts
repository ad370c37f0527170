import { useEffect } from 'preact/hooks';

// The forms whose typed text is not saved yet. A registrar who wrote down a long phone call and
// reloaded, or clicked «← Входящие», lost it without a word.
const unsaved = new Set<symbol>();

/**
 * While `dirty`, the page asks before it is left: the browser's own question on reload or close
 * (beforeunload), and `mayLeave`'s on a link inside the console.
 * @example useUnsaved(text.trim() !== '')
 */
export function useUnsaved(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const id = Symbol('unsaved');
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // Chromium before 119 asks only when returnValue is set
    };
    unsaved.add(id);
    addEventListener('beforeunload', ask);
    return () => {
      unsaved.delete(id);
      removeEventListener('beforeunload', ask);
    };
  }, [dirty]);
}

/**
 * Whether the console may go elsewhere: yes when nothing typed is unsaved, else the user's answer.
 * @example if (mayLeave()) navigate(href)
 */
export const mayLeave = (): boolean =>
  unsaved.size === 0 || confirm('Введённый текст не сохранён и пропадёт. Уйти со страницы?');

/** Whether any form holds typed text not saved yet (the sign-in over a hidden console says it is kept). */
export const hasUnsaved = (): boolean => unsaved.size > 0;
