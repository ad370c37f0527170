import { useState } from 'preact/hooks';
import { listOf } from '../../api/list-of.ts';
import type { Department } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { canEdit } from '../../permissions.ts';
import { Empty, LoadError, Loading } from '../../ui/page.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { useLoad } from '../../ui/use-load.ts';
import { DepartmentForm } from './department-form.tsx';

/** Departments and the persons responsible for their complaints. */
export function Departments() {
  const { api, user, meta, reloadMeta, announce } = useConsole();
  const list = useLoad(async () => listOf<Department>(await api.get('departments')), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const editor = canEdit(user);

  const names = (except?: string) => (list.data ?? []).filter((d) => d.id !== except).map((d) => d.name);
  const close = () => {
    focusSoon(editing ? `#dep-edit-${CSS.escape(editing)}` : '#dep-add');
    setEditing(null);
    setAdding(false);
  };
  const saved = (text: string) => {
    close();
    list.reload();
    reloadMeta();
    announce(text);
  };

  return (
    <section aria-labelledby="dir-departments">
      <div class="section-head">
        <h2 id="dir-departments">Подразделения</h2>
        {editor && !adding && (
          <button type="button" id="dep-add" class="btn" onClick={() => setAdding(true)}>
            Добавить подразделение
          </button>
        )}
      </div>
      {adding && (
        <DepartmentForm
          title="Новое подразделение"
          taken={names()}
          onCancel={close}
          onSaved={() => saved('Подразделение добавлено')}
          save={(d) => api.send('POST', 'departments', d)}
        />
      )}
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>Подразделений пока нет.</Empty>
      ) : (
        <table class="table">
          <caption class="sr">Подразделения</caption>
          <thead>
            <tr>
              <th scope="col">Название</th>
              <th scope="col">Ответственный за жалобы</th>
              <th scope="col">E-mail ответственного</th>
              <th scope="col">Ответственный по умолчанию</th>
              {editor && (
                <th scope="col">
                  <span class="sr">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => [
              <tr key={d.id}>
                <td data-label="Название" class="strong">
                  {d.name}
                </td>
                <td data-label="Ответственный">{d.responsibleName || <span class="muted">не назначен</span>}</td>
                <td data-label="E-mail">{d.responsibleEmail || <span class="muted">—</span>}</td>
                <td data-label="По умолчанию">
                  {d.responsibleUserId ? (
                    (meta.handlers.find((h) => h.id === d.responsibleUserId)?.name ?? (
                      <span class="muted">пользователь недоступен</span>
                    ))
                  ) : (
                    <span class="muted">не назначен</span>
                  )}
                </td>
                {editor && (
                  <td class="row-actions">
                    <button
                      type="button"
                      id={`dep-edit-${d.id}`}
                      class="btn secondary small"
                      aria-expanded={editing === d.id}
                      onClick={() => setEditing(editing === d.id ? null : d.id)}
                    >
                      Изменить<span class="sr"> {d.name}</span>
                    </button>
                  </td>
                )}
              </tr>,
              editing === d.id && (
                <tr key={`${d.id}-edit`} class="edit-row">
                  <td colSpan={5}>
                    <DepartmentForm
                      title={`Изменение: ${d.name}`}
                      initial={d}
                      taken={names(d.id)}
                      onCancel={close}
                      onSaved={() => saved('Сохранено')}
                      save={(draft) => api.send('PATCH', `departments/${encodeURIComponent(d.id)}`, draft)}
                    />
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
