import { useContext, useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import type { SessionAnswer } from '../../api/types.ts';
import { ConsoleContext } from '../../app-context.ts';
import { FormError, TextField } from '../../ui/fields.tsx';
import { PageTitle } from '../../ui/page.tsx';
import { useAction } from '../../ui/use-action.ts';

const MIN_LENGTH = 10;

interface Props {
  api: Api;
  /** The first sign-in with a one-time password: nothing else is open until it is changed. */
  forced?: boolean;
  onChanged: (session: SessionAnswer) => void;
  onSignOut?: () => void;
  /** Who changes it, for the browser's password manager. */
  email?: string;
}

/** «Смена пароля»: the current one, the new one twice. */
export function ChangePassword({ api, forced = false, onChanged, onSignOut, email }: Props) {
  const ctx = useContext(ConsoleContext);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  useEffect(() => {
    document.title = 'Смена пароля — Отклик';
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.current = 'Введите текущий пароль';
    // What is wrong with it: the rule itself is the field's hint, which a screen reader reads with it.
    // Characters as the server counts them, not UTF-16 units (an emoji is one).
    const length = [...next].length;
    if (!next) problems.next = 'Введите новый пароль';
    else if (length < MIN_LENGTH) problems.next = `Слишком короткий: ${length} из ${MIN_LENGTH} символов`;
    else if (next === current) problems.next = 'Новый пароль должен отличаться от текущего';
    if (repeat !== next) problems.repeat = 'Пароли не совпадают';
    if (Object.keys(problems).length > 0) return action.fail(problems);
    const ok = await action.run(async () => {
      await api.send('POST', 'password', { current, next });
      return api.get<SessionAnswer>('me');
    });
    if (!ok) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    ctx?.announce('Пароль изменён');
    onChanged(ok);
  };

  const form = (
    <form
      class={forced ? 'panel narrow' : 'panel form-narrow'}
      ref={(el) => {
        action.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      {forced ? <h1 tabIndex={-1}>Смена пароля</h1> : null}
      {forced && <p class="note">Вы вошли с временным паролем. Придумайте свой — после этого откроется консоль.</p>}
      {done && !forced && <p class="ok-note">Пароль изменён. Другие сеансы с этой учётной записью завершены.</p>}
      <FormError message={action.error} />
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={email ?? ctx?.user.email ?? ''}
        hidden
        readOnly
      />
      <TextField
        label="Текущий пароль"
        type="password"
        autoComplete="current-password"
        value={current}
        onValue={setCurrent}
        error={action.fields.current}
        required
      />
      <TextField
        label="Новый пароль"
        type="password"
        autoComplete="new-password"
        value={next}
        onValue={setNext}
        error={action.fields.next}
        hint={`Не короче ${MIN_LENGTH} символов; лучше фраза из нескольких слов.`}
        required
      />
      <TextField
        label="Новый пароль ещё раз"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onValue={setRepeat}
        error={action.fields.repeat}
        required
      />
      <div class="actions">
        <button type="submit" class="btn" disabled={action.busy}>
          {action.busy ? 'Сохраняем…' : 'Сменить пароль'}
        </button>
        {onSignOut && (
          <button type="button" class="btn secondary" onClick={onSignOut}>
            Выйти
          </button>
        )}
      </div>
    </form>
  );
  if (forced) return form;
  return (
    <>
      <PageTitle>Смена пароля</PageTitle>
      {form}
    </>
  );
}
