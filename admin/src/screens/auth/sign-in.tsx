import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import type { SessionAnswer } from '../../api/types.ts';
import { FormError, TextField } from '../../ui/fields.tsx';
import { useAction } from '../../ui/use-action.ts';

// Moscow time, as every time the console shows (the audit log names the same lock in it).
const TIME = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });

/**
 * «Вход»: e-mail and password; a lock-out (429) says its message and keeps the button off until it ends.
 * `expired`: the session ended during work; `keptText`: and the console under the form holds text
 * typed but not sent, which signing in again gives back.
 */
export function SignIn({
  api,
  expired,
  keptText = false,
  onSignedIn,
}: {
  api: Api;
  expired: boolean;
  keptText?: boolean;
  onSignedIn: (session: SessionAnswer) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const action = useAction();

  useEffect(() => {
    document.title = 'Вход — Отклик';
  }, []);

  useEffect(() => {
    const f = action.failure;
    if (f?.status !== 429 || !f.retryAfter) return;
    const until = Date.now() + f.retryAfter * 1000;
    setLockedUntil(until);
    const t = setTimeout(() => setLockedUntil(null), until - Date.now());
    return () => clearTimeout(t);
  }, [action.failure]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = 'Введите e-mail';
    if (!password) missing.password = 'Введите пароль';
    if (Object.keys(missing).length > 0) return action.fail(missing);
    const session = await action.run(() => api.send<SessionAnswer>('POST', 'login', { email: email.trim(), password }));
    if (session) onSignedIn(session);
  };

  return (
    <main class="center-page" id="main">
      <form
        class="panel narrow"
        ref={(el) => {
          action.ref.current = el;
        }}
        onSubmit={submit}
        noValidate
      >
        <p class="brand-big" aria-hidden="true">
          Отклик <span>СМК</span>
        </p>
        <h1 tabIndex={-1}>Вход в консоль СМК</h1>
        {expired && !action.error && (
          <p class="note">
            {keptText
              ? 'Сеанс завершён — войдите снова; введённый текст сохранён.'
              : 'Сеанс завершён. Войдите снова — вы вернётесь на ту же страницу.'}
          </p>
        )}
        {/* A lock-out says when it ends below the button, in the clock time of this computer. */}
        <FormError
          message={action.failure?.status === 429 && lockedUntil !== null ? action.failure.message : action.error}
        />
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
          error={action.fields.email}
          required
          autoFocus
        />
        <TextField
          label="Пароль"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={action.fields.password}
          required
        />
        <button type="submit" class="btn wide" disabled={action.busy || lockedUntil !== null}>
          {action.busy ? 'Входим…' : 'Войти'}
        </button>
        {lockedUntil !== null && <p class="hint">Вход снова станет доступен в {TIME.format(lockedUntil)} МСК.</p>}
      </form>
    </main>
  );
}
