import { CONSOLE_FIELD_ERRORS } from '../../../../shared/console-errors.ts';
import { useState } from 'preact/hooks';
import { employeeCreate, employeePatch } from '../../../../shared/directory-schema.ts';
import type { Employee } from '../../../../shared/directory.ts';
import { useConsole } from '../../app-context.ts';
import { FormError, SelectField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { check } from './check.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

interface Draft {
  slug: string;
  name: string;
  position: string;
  departmentId: string;
  managerName: string;
  managerEmail: string;
  email: string;
}

/** What the employee form says for each wrong field. */
const WORDS = {
  slug: { invalid: 'Латинские строчные буквы, цифры и дефис: ivanov, anna-petrova' },
  name: { required: 'Введите Ф.И.О.' },
  // Blank and wrong are one code for a required address; the same words serve both.
  managerEmail: { email: 'Введите e-mail руководителя: ему приходят оценки' },
  email: { email: 'Проверьте адрес: например, ivanov@example.ru' },
};

/**
 * Adds an employee (with his slug, the address of his rating page) or edits one. Blank optional
 * fields are sent blank, which clears them.
 */
export function EmployeeForm({
  initial,
  taken = [],
  onSaved,
  onCancel,
}: {
  initial?: Employee;
  taken?: string[];
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const { api, meta } = useConsole();
  const [draft, setDraft] = useState<Draft>({
    slug: initial?.slug ?? '',
    name: initial?.name ?? '',
    position: initial?.position ?? '',
    departmentId: initial?.departmentId ?? '',
    managerName: initial?.managerName ?? '',
    managerEmail: initial?.managerEmail ?? '',
    email: initial?.email ?? '',
  });
  // Esc asks before dropping what was typed, as «Отмена» by a link would.
  const [start] = useState(draft);
  const act = useAction();
  useFocusFirstField(act.ref);
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const d = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as unknown as Draft;
    const { slug: _slug, ...changes } = d;
    const r = initial ? check(employeePatch, changes, WORDS) : check(employeeCreate, d, WORDS);
    const problems = r.ok ? {} : r.problems;
    // One slug space for employees and rating subjects: said before asking.
    if (!initial && !problems.slug && [...taken, ...meta.subjects.map((x) => x.slug)].includes(d.slug))
      problems.slug = CONSOLE_FIELD_ERRORS.ru.slugTaken;
    if (Object.keys(problems).length > 0) return act.fail(problems);
    const ok = await act.run(async () => {
      if (initial)
        await api.send('PATCH', `employees/${encodeURIComponent(initial.slug)}`, {
          ...changes,
          departmentId: d.departmentId || null,
          email: d.email || null,
        });
      else await api.send('POST', 'employees', d);
      return true;
    });
    if (ok) onSaved(initial ? 'Сохранено' : `Сотрудник ${d.name} добавлен`);
  };

  const departments = meta.departments.map((dep) => ({ value: dep.id, label: dep.name }));
  return (
    <form
      class="panel inline-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      onKeyDown={closeOnEscape(onCancel, JSON.stringify(draft) !== JSON.stringify(start))}
      noValidate
    >
      <h3>{initial ? `Изменение: ${initial.name}` : 'Новый сотрудник'}</h3>
      <FormError message={act.error} />
      <div class="form-row">
        {!initial && (
          <TextField
            label="Код (slug)"
            value={draft.slug}
            onValue={set('slug')}
            error={act.fields.slug}
            required
            autoComplete="off"
            spellcheck={false}
            hint="Адрес страницы оценки: /r/код. Потом не меняется."
          />
        )}
        <TextField label="Ф.И.О." value={draft.name} onValue={set('name')} error={act.fields.name} required />
        <TextField label="Должность" value={draft.position} onValue={set('position')} error={act.fields.position} />
        <SelectField
          label="Подразделение"
          value={draft.departmentId}
          onValue={set('departmentId')}
          empty="Не указано"
          options={departments}
          error={act.fields.departmentId}
        />
      </div>
      <div class="form-row">
        <TextField
          label="E-mail сотрудника"
          type="email"
          value={draft.email}
          onValue={set('email')}
          error={act.fields.email}
          autoComplete="off"
          hint="Сюда можно отправить ссылку на его подпись."
        />
        <TextField
          label="Руководитель"
          value={draft.managerName}
          onValue={set('managerName')}
          error={act.fields.managerName}
        />
        <TextField
          label="E-mail руководителя"
          type="email"
          value={draft.managerEmail}
          onValue={set('managerEmail')}
          error={act.fields.managerEmail}
          required
          hint="Ему приходят оценки сотрудника."
        />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Сохраняем…' : initial ? 'Сохранить' : 'Добавить'}
        </button>
        <button type="button" class="btn secondary" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
