import { useState } from 'preact/hooks';
import { listOf } from '../../api/list-of.ts';
import type { Employee } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { canEdit } from '../../permissions.ts';
import { focusSoon } from '../../ui/focus.ts';
import { Empty, LoadError, Loading } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { failureText } from '../../ui/use-action.ts';
import { EmployeeForm } from './employee-form.tsx';
import { EmployeeImport } from './employee-import.tsx';
import { SignaturePanel } from './signature-panel.tsx';

type Open = { slug: string; what: 'edit' | 'signature' } | { slug: null; what: 'add' | 'import' } | null;

/** Employees: search, add, edit, deactivate, CSV import, and each one's signature snippet. */
export function Employees() {
  const { api, user, reloadMeta, announce } = useConsole();
  const list = useLoad(async () => listOf<Employee>(await api.get('employees')), []);
  const [open, setOpen] = useState<Open>(null);
  const [q, setQ] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const editor = canEdit(user);

  const close = (focusId?: string) => {
    const back = focusId ?? (open?.slug ? `#emp-${open.what}-${open.slug}` : open ? `#emp-${open.what}` : undefined);
    setOpen(null);
    if (back) focusSoon(back);
  };
  const saved = (text: string) => {
    close();
    list.reload();
    reloadMeta();
    announce(text);
  };

  const setActive = async (e: Employee, active: boolean) => {
    if (
      !active &&
      !confirm(
        `Отключить сотрудника «${e.name}»? Его ссылки для оценки перестанут принимать отзывы; историю это не затронет.`,
      )
    )
      return;
    setBusy(e.slug);
    try {
      await api.send('PATCH', `employees/${encodeURIComponent(e.slug)}`, { active });
      list.setData((rows) => rows?.map((r) => (r.slug === e.slug ? { ...r, active } : r)));
      reloadMeta();
      announce(active ? `${e.name}: снова работает` : `${e.name}: отключён`);
    } catch (err) {
      announce(failureText(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  const needle = q.trim().toLowerCase();
  const rows = (list.data ?? []).filter(
    (e) =>
      (showInactive || e.active) &&
      (!needle ||
        `${e.name} ${e.slug} ${e.position ?? ''} ${e.email ?? ''} ${e.managerEmail ?? ''}`
          .toLowerCase()
          .includes(needle)),
  );
  const inactive = (list.data ?? []).filter((e) => !e.active).length;
  const cols = editor ? 6 : 5;

  return (
    <section aria-labelledby="dir-employees">
      <div class="section-head">
        <h2 id="dir-employees">Сотрудники</h2>
        {editor && (
          <div class="actions">
            <button
              type="button"
              id="emp-add"
              class="btn"
              aria-expanded={open?.what === 'add'}
              onClick={() => setOpen({ slug: null, what: 'add' })}
            >
              Добавить сотрудника
            </button>
            <button
              type="button"
              id="emp-import"
              class="btn secondary"
              aria-expanded={open?.what === 'import'}
              onClick={() => setOpen({ slug: null, what: 'import' })}
            >
              Загрузить CSV
            </button>
          </div>
        )}
      </div>
      {open?.what === 'add' && (
        <EmployeeForm taken={(list.data ?? []).map((e) => e.slug)} onSaved={saved} onCancel={() => close()} />
      )}
      {open?.what === 'import' && (
        <EmployeeImport
          onImported={() => {
            list.reload();
            reloadMeta();
          }}
          onClose={() => close()}
        />
      )}
      <div class="toolbar">
        <label class="sr" for="emp-q">
          Найти сотрудника
        </label>
        <input
          id="emp-q"
          type="search"
          placeholder="Ф.И.О., код, должность, e-mail"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <label class="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />{' '}
          Показывать отключённых{inactive ? ` (${inactive})` : ''}
        </label>
      </div>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{needle ? 'Никого не нашлось.' : 'Сотрудников пока нет.'}</Empty>
      ) : (
        <table class="table">
          <caption class="sr">Сотрудники</caption>
          <thead>
            <tr>
              <th scope="col">Сотрудник</th>
              <th scope="col">Должность</th>
              <th scope="col">Подразделение</th>
              <th scope="col">Руководитель</th>
              <th scope="col">Состояние</th>
              {editor && (
                <th scope="col">
                  <span class="sr">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => [
              <tr key={e.slug} class={e.active ? undefined : 'inactive'}>
                <td data-label="Сотрудник">
                  <span class="strong">{e.name}</span>
                  <span class="sub muted code-like">{e.slug}</span>
                  {e.email && <span class="sub muted">{e.email}</span>}
                </td>
                <td data-label="Должность">{e.position || <span class="muted">—</span>}</td>
                <td data-label="Подразделение">{e.department?.name ?? <span class="muted">—</span>}</td>
                <td data-label="Руководитель">
                  {e.managerName && <span>{e.managerName}</span>}
                  {e.managerEmail && <span class="sub muted">{e.managerEmail}</span>}
                  {!e.managerName && !e.managerEmail && <span class="muted">—</span>}
                </td>
                <td data-label="Состояние">
                  {e.active ? <span class="badge ok">Работает</span> : <span class="badge off">Отключён</span>}
                </td>
                {editor && (
                  <td class="row-actions">
                    <button
                      type="button"
                      id={`emp-edit-${e.slug}`}
                      class="btn secondary small"
                      aria-expanded={open?.slug === e.slug && open.what === 'edit'}
                      onClick={() =>
                        setOpen(open?.slug === e.slug && open.what === 'edit' ? null : { slug: e.slug, what: 'edit' })
                      }
                    >
                      Изменить<span class="sr"> {e.name}</span>
                    </button>
                    <button
                      type="button"
                      id={`emp-signature-${e.slug}`}
                      class="btn secondary small"
                      aria-expanded={open?.slug === e.slug && open.what === 'signature'}
                      onClick={() =>
                        setOpen(
                          open?.slug === e.slug && open.what === 'signature'
                            ? null
                            : { slug: e.slug, what: 'signature' },
                        )
                      }
                    >
                      Подпись<span class="sr"> {e.name}</span>
                    </button>
                    <button
                      type="button"
                      class="btn secondary small"
                      disabled={busy === e.slug}
                      onClick={() => setActive(e, !e.active)}
                    >
                      {e.active ? 'Отключить' : 'Вернуть'}
                      <span class="sr"> {e.name}</span>
                    </button>
                  </td>
                )}
              </tr>,
              open?.slug === e.slug && (
                <tr key={`${e.slug}-open`} class="edit-row">
                  <td colSpan={cols}>
                    {open.what === 'edit' ? (
                      <EmployeeForm initial={e} onSaved={saved} onCancel={() => close()} />
                    ) : (
                      <SignaturePanel
                        employee={e}
                        onClose={() => close()}
                        onEdit={editor ? () => setOpen({ slug: e.slug, what: 'edit' }) : undefined}
                      />
                    )}
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}
