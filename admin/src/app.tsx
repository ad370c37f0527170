import { type ComponentChild, Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { asFailure, createApi, type ApiFailure } from './api/client.ts';
import type { ConsoleUser, SessionAnswer } from './api/types.ts';
import { createWaiting, type Paused, pause, resume, useLastFocused } from './resume.ts';
import { ChangePassword } from './screens/auth/change-password.tsx';
import { SignIn } from './screens/auth/sign-in.tsx';
import { Shell } from './shell.tsx';
import { hasUnsaved, mayLeave } from './ui/unsaved.ts';
import { LoadError, Loading } from './ui/page.tsx';

// `kept`: the console of a user whose session ended (or who must change his password first),
// kept mounted but hidden under the form, so what he typed in it is still there afterwards.
type State =
  | { kind: 'checking' }
  | { kind: 'offline'; error: ApiFailure }
  | { kind: 'signed-out'; expired: boolean; kept: ConsoleUser | null }
  | { kind: 'signed-in'; user: ConsoleUser; kept: ConsoleUser | null };

const SIGNED_OUT: State = { kind: 'signed-out', expired: false, kept: null };

/** How long a console whose session ended stays kept for its user to sign in again: 30 minutes. */
export const KEPT_MS = 30 * 60_000;

/**
 * Who is signed in decides what is drawn: the sign-in form, the forced password change, or the
 * console. A 401 from any request brings the sign-in form over the same URL and hides the console
 * without unmounting it: after signing in again the same user is where he was, with his typed
 * text; another user gets a fresh console.
 */
export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const csrf = useRef<string | null>(null);
  const [round, setRound] = useState(0);
  const now = useRef(state);
  now.current = state;
  const paused = useRef<Paused | null>(null);
  const waiting = useMemo(createWaiting, []);

  const lastFocused = useLastFocused();

  // The place of the user at work, noted before his console is hidden (hidden, it loses the focus).
  const pauseWork = () => {
    const s = now.current;
    if (s.kind === 'signed-in' && !s.user.mustChangePassword) paused.current ??= pause(s.user.id, lastFocused.current);
  };

  const api = useMemo(
    () =>
      createApi({
        csrfToken: () => csrf.current,
        onUnauthorized: () => {
          csrf.current = null;
          pauseWork();
          setState((s) => {
            if (s.kind === 'signed-out') return s;
            if (s.kind !== 'signed-in') return SIGNED_OUT;
            return { kind: 'signed-out', expired: true, kept: s.user.mustChangePassword ? s.kept : s.user };
          });
        },
        onPasswordChange: () => {
          pauseWork();
          setState((s) =>
            s.kind === 'signed-in' && !s.user.mustChangePassword
              ? { kind: 'signed-in', user: { ...s.user, mustChangePassword: true }, kept: s.user }
              : s,
          );
        },
        refreshCsrf: async () => {
          try {
            const me = await fetch('/api/admin/me', {
              credentials: 'same-origin',
              headers: { Accept: 'application/json' },
            });
            if (!me.ok) return null;
            csrf.current = ((await me.json()) as SessionAnswer).csrfToken;
            return csrf.current;
          } catch {
            return null;
          }
        },
        // Only a console kept for its user waits: one refused after «Выйти» is answered at once.
        signedInAgain: () => (paused.current ? waiting.add() : Promise.resolve(false)),
      }),
    [],
  );

  const signedIn = (session: SessionAnswer) => {
    csrf.current = session.csrfToken;
    const { user } = session;
    setState((s) => {
      // Only the same user gets the kept console back; another starts afresh.
      const kept = 'kept' in s && s.kept?.id === user.id ? s.kept : null;
      return { kind: 'signed-in', user, kept: user.mustChangePassword ? kept : null };
    });
  };

  // Signed out on purpose: nothing is kept, nothing waits.
  const signedOut = () => {
    csrf.current = null;
    paused.current = null;
    waiting.settle(false);
    setState(SIGNED_OUT);
  };

  useEffect(() => {
    api.get<SessionAnswer>('me').then(signedIn, (err) => {
      const f = asFailure(err);
      if (f.status !== 401) setState({ kind: 'offline', error: f });
    });
  }, [round]);

  // A console kept under the sign-in is let go after KEPT_MS: on a computer left unattended, the
  // last card's client would stay in the page (hidden, but in its DOM) for anyone to read.
  const keptFor = state.kind === 'signed-out' && state.kept ? state.kept.id : null;
  useEffect(() => {
    if (!keptFor) return;
    const timer = setTimeout(() => {
      paused.current = null;
      waiting.settle(false);
      setState((s) => (s.kind === 'signed-out' ? { ...s, kept: null } : s));
    }, KEPT_MS);
    return () => clearTimeout(timer);
  }, [keptFor]);

  const shownUser = state.kind === 'signed-in' && !state.user.mustChangePassword ? state.user : null;
  const consoleUser = shownUser ?? (state.kind === 'signed-out' || state.kind === 'signed-in' ? state.kept : null);

  // A screen changed by the user's own act (signed in, password changed, signed out) takes the
  // focus to its heading: left on the body, a screen reader says nothing of the new screen. Back
  // in the console he was working in, the focus goes where it was.
  const screen = state.kind === 'signed-in' ? (state.user.mustChangePassword ? 'password' : 'console') : state.kind;
  const shown = useRef<string>(screen);
  useEffect(() => {
    const before = shown.current;
    shown.current = screen;
    const p = paused.current;
    if (shownUser && p) {
      paused.current = null;
      const same = p.userId === shownUser.id;
      waiting.settle(same);
      if (same && resume(p)) return;
    }
    if (before !== 'checking' && before !== screen) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [screen]);

  let over: ComponentChild = null;
  switch (state.kind) {
    case 'checking':
      over = (
        <div class="center-page">
          <Loading />
        </div>
      );
      break;
    case 'offline':
      over = (
        <main class="center-page" id="main">
          <h1>Консоль СМК недоступна</h1>
          <LoadError
            error={state.error}
            retry={() => {
              setState({ kind: 'checking' });
              setRound((r) => r + 1);
            }}
          />
        </main>
      );
      break;
    case 'signed-out':
      over = (
        <SignIn
          api={api}
          expired={state.expired}
          keptText={state.kept !== null && hasUnsaved()}
          onSignedIn={signedIn}
        />
      );
      break;
    case 'signed-in':
      if (state.user.mustChangePassword) {
        over = (
          <main class="center-page" id="main">
            <ChangePassword
              api={api}
              forced
              email={state.user.email}
              onChanged={(session) => signedIn(session)}
              onSignOut={() => {
                // The console kept for him holds typed text: asked about, as «Выйти» in it asks.
                if (!mayLeave()) return;
                api
                  .send('POST', 'logout')
                  .catch(() => {})
                  .finally(signedOut);
              }}
            />
          </main>
        );
      }
  }

  // Keyed, so that the console stays the same component whichever form is drawn before it.
  return (
    <>
      {over && <Fragment key="over">{over}</Fragment>}
      {consoleUser && (
        <div key="console" hidden={over !== null}>
          <Shell
            key={consoleUser.id}
            api={api}
            user={consoleUser}
            onUser={(user) => setState({ kind: 'signed-in', user, kept: null })}
            onSignedOut={signedOut}
            kept={over !== null}
          />
        </div>
      )}
    </>
  );
}
