import { useContext, useRef, useState } from 'preact/hooks';
import { type ApiFailure, asFailure } from '../api/client.ts';
import { ConsoleContext } from '../app-context.ts';
import { waitText } from '../format.ts';

export interface Action {
  busy: boolean;
  /** The form's general error: not a field's (403, 409, a lost connection, a lock-out). */
  error: string | null;
  /** The server's messages per field (422). */
  fields: Record<string, string>;
  /** The last failure itself, for what a screen reads beyond the message (a lock-out's wait). */
  failure: ApiFailure | null;
  /** Runs a request; on failure keeps its errors and moves focus to the first bad field or the error. */
  run: <T>(request: () => Promise<T>) => Promise<T | undefined>;
  /** Puts a field's error the client found itself. */
  fail: (fields: Record<string, string>, error?: string | null) => void;
  reset: () => void;
  /** Give it to the <form> (or its wrapper) so focus can find the bad field. */
  ref: { current: HTMLElement | null };
}

/**
 * The state of a form that sends something: busy while it goes, the errors when it fails.
 * @example const save = useAction(); … <form ref={save.ref} onSubmit={(e) => { e.preventDefault(); save.run(() => api.send('POST', 'departments', draft)) }}>
 */
export const SESSION_ENDED =
  'Сеанс был завершён, поэтому ничего не отправлено. Введённый текст сохранён — отправьте ещё раз.';

/** A button without a form of its own (a user switched off, an employee, a signature sent) says this. */
export const SESSION_ENDED_ACT = 'Сеанс был завершён, поэтому ничего не сделано. Повторите действие.';

/**
 * What a failed request outside `useAction` says: its message, but for a session that ended, not
 * the server's «Войдите в систему» — he has just signed in again, and nothing was done.
 */
export function failureText(err: unknown): string {
  const f = asFailure(err);
  return sessionEnded(f) ? SESSION_ENDED_ACT : f.message;
}

/** Refused because the session ended (not a wrong password at the sign-in, also a 401). */
const sessionEnded = (f: ApiFailure) => f.status === 401 && f.code === 'unauthorized';

type State = Pick<Action, 'busy' | 'error' | 'fields' | 'failure'>;
const IDLE: State = { busy: false, error: null, fields: {}, failure: null };

export function useAction(): Action {
  const [state, setState] = useState<State>(IDLE);
  // None on the sign-in screens, which have no shell around them.
  const shell = useContext(ConsoleContext);
  const ref = useRef<HTMLElement | null>(null);

  const focusProblem = () =>
    setTimeout(() => {
      const target = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
      target?.focus();
    }, 0);

  const fail = (fields: Record<string, string>, error: string | null = null, failure: ApiFailure | null = null) => {
    shell?.quiet();
    setState({ busy: false, error, fields, failure });
    focusProblem();
  };

  const run = async <T>(request: () => Promise<T>): Promise<T | undefined> => {
    shell?.quiet();
    setState({ ...IDLE, busy: true });
    try {
      const result = await request();
      setState(IDLE);
      return result;
    } catch (err) {
      const f = asFailure(err);
      // The sign-in form comes over the form, which keeps its text; once back, the user sends
      // it again himself (a change is never repeated behind his back: it may have been done).
      if (sessionEnded(f)) {
        fail({}, SESSION_ENDED, f);
        return undefined;
      }
      const hasFields = Object.keys(f.fields).length > 0;
      const wait = f.retryAfter && f.status === 429 ? ` Повторите через ${waitText(f.retryAfter)}` : '';
      // A refusal whose message is its field's own (the last admin's role) is said once, by the field.
      const saidByField = Object.values(f.fields).includes(f.message);
      fail(
        f.fields,
        hasFields && (f.status === 422 || saidByField)
          ? null
          : (wait ? f.message.replace(/[.!]?$/, '.') : f.message) + wait,
        f,
      );
      return undefined;
    }
  };

  return { ...state, run, fail: (fields, error) => fail(fields, error), reset: () => setState(IDLE), ref };
}
