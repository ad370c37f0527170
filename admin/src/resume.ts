import { useEffect, useRef } from 'preact/hooks';

// What a console kept mounted under the sign-in form needs to go on where it stopped: the place
// the user was working in, the page's title, and the requests that wait for a session again.

/** Where the user was when his session ended, to be given back after he signs in again. */
export interface Paused {
  /** Whose console is kept: only he gets it back. */
  userId: string;
  focus: HTMLElement | null;
  title: string;
}

/**
 * Notes where the user is (focus, title) at the moment his session ends; the form he sent from
 * is about to be hidden, and a hidden element loses the focus. `lastFocused` stands in when the
 * focus is on the body already: a button that turns disabled while its request goes loses it.
 * @example paused.current ??= pause(user.id, lastFocused.current)
 */
export function pause(userId: string, lastFocused: HTMLElement | null = null): Paused {
  const active = document.activeElement;
  const focus = active instanceof HTMLElement && active !== document.body ? active : lastFocused;
  return { userId, focus, title: document.title };
}

/**
 * Gives the place back: the title the screen set, and the focus to what the user last used — the
 * form's message when that form says why nothing was sent, so a screen reader reads it.
 */
export function resume(paused: Paused): boolean {
  document.title = paused.title;
  const el = paused.focus;
  if (!el?.isConnected) return false;
  const target = el.closest('form')?.querySelector<HTMLElement>('[data-form-error]') ?? el;
  target.focus();
  return document.activeElement === target;
}

/**
 * Requests that wait for the user to sign in again, told whether it was the same user.
 * @example const waiting = createWaiting(); waiting.add(); … waiting.settle(true)
 */
export function createWaiting() {
  let resolvers: ((same: boolean) => void)[] = [];
  return {
    add: () => new Promise<boolean>((resolve) => resolvers.push(resolve)),
    settle: (same: boolean) => {
      const now = resolvers;
      resolvers = [];
      for (const r of now) r(same);
    },
  };
}

/** The element that last had the focus, wherever it is now. */
export function useLastFocused(): { current: HTMLElement | null } {
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const note = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement) last.current = e.target;
    };
    document.addEventListener('focusin', note);
    return () => document.removeEventListener('focusin', note);
  }, []);
  return last;
}
