import { useState } from 'preact/hooks';
import { listOf } from '../../api/list-of.ts';
import type { Department } from '../../../../shared/directory.ts';
import { departmentCreate, departmentPatch } from '../../../../shared/directory-schema.ts';
import { useConsole } from '../../app-context.ts';
import { canEdit } from '../../permissions.ts';
import { FormError, TextField } from '../../ui/fields.tsx';
import { Empty, LoadError, Loading } from '../../ui/page.tsx';
import { focusSoon, useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { useLoad } from '../../ui/use-load.ts';
import { check } from './check.ts';

interface Draft {
  name: string;
  responsibleName: string;
  responsibleEmail: string;
}

/** Departments and the persons responsible for their complaints. */
export function Departments() {
  const { api, user, reloadMeta, announce } = useConsole();
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
          <thead>
            <tr>
              <th scope="col">Название</th>
              <th scope="col">Ответственный за жалобы</th>
              <th scope="col">E-mail ответственного</th>
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
                  <td colSpan={4}>
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

function DepartmentForm({
  title,
  initial,
  taken,
  save,
  onSaved,
  onCancel,
}: {
  title: string;
  initial?: Department;
  taken: string[];
  save: (d: Draft) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    name: initial?.name ?? '',
    responsibleName: initial?.responsibleName ?? '',
    responsibleEmail: initial?.responsibleEmail ?? '',
  });
  const act = useAction();
  useFocusFirstField(act.ref);
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = check(initial ? departmentPatch : departmentCreate, draft, {
      name: { required: 'Введите название' },
      responsibleEmail: { email: 'Проверьте e-mail ответственного' },
    });
    if (!r.ok) return act.fail(r.problems);
    // The server answers a taken name with a bare «invalid»: said plainly here first.
    if (taken.some((n) => n.toLowerCase() === draft.name.trim().toLowerCase()))
      return act.fail({ name: 'Подразделение с таким названием уже есть' });
    const ok = await act.run(async () => {
      await save({
        name: draft.name.trim(),
        responsibleName: draft.responsibleName.trim(),
        responsibleEmail: draft.responsibleEmail.trim(),
      });
      return true;
    });
    if (ok) onSaved();
  };
  return (
    <form
      class="panel inline-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h3>{title}</h3>
      <FormError message={act.error} />
      <div class="form-row">
        <TextField label="Название" value={draft.name} onValue={set('name')} error={act.fields.name} required />
        <TextField
          label="Ответственный за жалобы"
          value={draft.responsibleName}
          onValue={set('responsibleName')}
          error={act.fields.responsibleName}
        />
        <TextField
          label="E-mail ответственного"
          type="email"
          value={draft.responsibleEmail}
          onValue={set('responsibleEmail')}
          error={act.fields.responsibleEmail}
        />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Сохраняем…' : 'Сохранить'}
        </button>
        <button type="button" class="btn secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
