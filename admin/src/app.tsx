import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { asFailure, createApi, type ApiFailure } from './api/client.ts';
import type { ConsoleUser, SessionAnswer } from './api/types.ts';
import { ChangePassword } from './screens/auth/change-password.tsx';
import { SignIn } from './screens/auth/sign-in.tsx';
import { Shell } from './shell.tsx';
import { LoadError, Loading } from './ui/page.tsx';

type State =
  | { kind: 'checking' }
  | { kind: 'offline'; error: ApiFailure }
  | { kind: 'signed-out'; expired: boolean }
  | { kind: 'signed-in'; user: ConsoleUser };

/**
 * Who is signed in decides what is drawn: the sign-in form, the forced password change, or the
 * console. A 401 from any request brings the sign-in form back over the same URL, so after
 * signing in again the user is where he was.
 */
export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const csrf = useRef<string | null>(null);
  const [round, setRound] = useState(0);

  const api = useMemo(
    () =>
      createApi({
        csrfToken: () => csrf.current,
        onUnauthorized: () => {
          csrf.current = null;
          setState((s) => ({ kind: 'signed-out', expired: s.kind === 'signed-in' }));
        },
        onPasswordChange: () =>
          setState((s) => (s.kind === 'signed-in' ? { ...s, user: { ...s.user, mustChangePassword: true } } : s)),
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
      }),
    [],
  );

  const signedIn = (session: SessionAnswer) => {
    csrf.current = session.csrfToken;
    setState({ kind: 'signed-in', user: session.user });
  };

  useEffect(() => {
    api.get<SessionAnswer>('me').then(signedIn, (err) => {
      const f = asFailure(err);
      if (f.status !== 401) setState({ kind: 'offline', error: f });
    });
  }, [round]);

  // A screen changed by the user's own act (signed in, password changed, signed out) takes the
  // focus to its heading: left on the body, a screen reader says nothing of the new screen.
  const screen = state.kind === 'signed-in' ? (state.user.mustChangePassword ? 'password' : 'console') : state.kind;
  const shown = useRef<string>(screen);
  useEffect(() => {
    const before = shown.current;
    shown.current = screen;
    if (before !== 'checking' && before !== screen) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [screen]);

  switch (state.kind) {
    case 'checking':
      return (
        <div class="center-page">
          <Loading />
        </div>
      );
    case 'offline':
      return (
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
    case 'signed-out':
      return <SignIn api={api} expired={state.expired} onSignedIn={signedIn} />;
    case 'signed-in':
      if (state.user.mustChangePassword) {
        return (
          <main class="center-page" id="main">
            <ChangePassword
              api={api}
              forced
              email={state.user.email}
              onChanged={(session) => signedIn(session)}
              onSignOut={() => {
                api
                  .send('POST', 'logout')
                  .catch(() => {})
                  .finally(() => setState({ kind: 'signed-out', expired: false }));
              }}
            />
          </main>
        );
      }
      return (
        <Shell
          api={api}
          user={state.user}
          onUser={(user) => setState({ kind: 'signed-in', user })}
          onSignedOut={() => {
            csrf.current = null;
            setState({ kind: 'signed-out', expired: false });
          }}
        />
      );
  }
}
