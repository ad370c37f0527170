import { useEffect, useState } from 'preact/hooks';
import type { OneTimePasswordAnswer, UserAnswer, UserItem, UsersAnswer } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDate } from '../../format.ts';
import { ROLE_LABELS } from '../../labels.ts';
import { focusSoon } from '../../ui/focus.ts';
import { Empty, LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { failureText } from '../../ui/use-action.ts';
import { OneTimePassword } from './one-time-password.tsx';
import { UserForm } from './user-form.tsx';

/** «Пользователи» (admins): who may use the console, in which role; one-time passwords. */
export function UsersScreen() {
  const { api, user: me, announce } = useConsole();
  const list = useLoad(async () => (await api.get<UsersAnswer>('users')).items, []);
  const [open, setOpen] = useState<string | null>(null);
  const [otp, setOtp] = useState<{ email: string; password: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Пользователи — Отклик';
  }, []);

  const close = () => {
    focusSoon(open === '' ? '#user-add' : `#user-edit-${open}`);
    setOpen(null);
  };
  const replace = (u: UserItem) => list.setData((rows) => rows?.map((r) => (r.id === u.id ? u : r)));

  // The buttons stay focusable while their request runs (aria-disabled): a disabled one under the
  // focus drops it to the page's start.
  const act = async (u: UserItem, what: 'toggle' | 'reset') => {
    if (busy === u.id) return;
    if (
      what === 'toggle' &&
      u.active &&
      !confirm(`Отключить пользователя ${u.email}? Его сеансы завершатся, войти он не сможет.`)
    )
      return;
    if (what === 'reset' && !confirm(`Выдать ${u.email} новый временный пароль? Старый перестанет действовать.`))
      return;
    setBusy(u.id);
    try {
      if (what === 'toggle') {
        const r = await api.send<UserAnswer>('PATCH', `users/${encodeURIComponent(u.id)}`, {
          active: !u.active,
        });
        replace(r.user);
        announce(r.user.active ? `${u.email}: доступ включён` : `${u.email}: отключён`);
      } else {
        const r = await api.send<OneTimePasswordAnswer>('POST', `users/${encodeURIComponent(u.id)}/reset-password`);
        replace(r.user);
        setOtp({ email: u.email, password: r.oneTimePassword });
      }
    } catch (err) {
      announce(failureText(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle
        aside={
          open !== '' &&
          !otp && (
            <button type="button" id="user-add" class="btn" onClick={() => setOpen('')}>
              Добавить пользователя
            </button>
          )
        }
      >
        Пользователи
      </PageTitle>
      {otp && (
        <OneTimePassword
          email={otp.email}
          password={otp.password}
          onDone={() => {
            setOtp(null);
            focusSoon('main h1');
          }}
        />
      )}
      {open === '' && (
        <UserForm
          taken={list.data?.map((u) => u.email) ?? []}
          onCancel={close}
          onCreated={(r) => {
            setOpen(null);
            setOtp({ email: r.user.email, password: r.oneTimePassword });
            list.reload();
          }}
        />
      )}
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>Пользователей нет.</Empty>
      ) : (
        <table class="table">
          <caption class="sr">Пользователи консоли</caption>
          <thead>
            <tr>
              <th scope="col">Пользователь</th>
              <th scope="col">Роль</th>
              <th scope="col">Подразделение</th>
              <th scope="col">Состояние</th>
              <th scope="col">Создан</th>
              <th scope="col">
                <span class="sr">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((u) => [
              <tr key={u.id} class={u.active ? undefined : 'inactive'}>
                <td data-label="Пользователь">
                  <span class="strong">{u.name}</span>
                  <span class="sub muted">{u.email}</span>
                </td>
                <td data-label="Роль">{ROLE_LABELS[u.role]}</td>
                <td data-label="Подразделение">{u.department || <span class="muted">—</span>}</td>
                <td data-label="Состояние">
                  {u.active ? <span class="badge ok">Активен</span> : <span class="badge off">Отключён</span>}
                  {u.active && u.mustChangePassword && <span class="sub muted">ещё не сменил временный пароль</span>}
                </td>
                <td data-label="Создан">{formatDate(u.createdAt)}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    id={`user-edit-${u.id}`}
                    class="btn secondary small"
                    aria-expanded={open === u.id}
                    onClick={() => setOpen(open === u.id ? null : u.id)}
                  >
                    Изменить<span class="sr"> {u.email}</span>
                  </button>
                  {u.id !== me.id && (
                    <>
                      <button
                        type="button"
                        class="btn secondary small"
                        disabled={!u.active}
                        aria-disabled={busy === u.id}
                        onClick={() => act(u, 'reset')}
                      >
                        Новый пароль<span class="sr"> для {u.email}</span>
                      </button>
                      <button
                        type="button"
                        class="btn secondary small"
                        aria-disabled={busy === u.id}
                        onClick={() => act(u, 'toggle')}
                      >
                        {u.active ? 'Отключить' : 'Включить'}
                        <span class="sr"> {u.email}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>,
              open === u.id && (
                <tr key={`${u.id}-edit`} class="edit-row">
                  <td colSpan={6}>
                    <UserForm
                      initial={u}
                      onCancel={close}
                      onSaved={(saved) => {
                        replace(saved);
                        close();
                        announce('Сохранено');
                      }}
                    />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      )}
    </>
  );
}
