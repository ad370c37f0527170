import { CONSOLE_FIELD_ERRORS } from '../../../../shared/console-errors.ts';
import { useState } from 'preact/hooks';
import type { Department } from '../../../../shared/directory.ts';
import { departmentCreate, departmentKey, departmentPatch } from '../../../../shared/directory-schema.ts';
import { useConsole } from '../../app-context.ts';
import { ROLE_LABELS } from '../../labels.ts';
import { FormError, SelectField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { check } from './check.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

interface Draft {
  name: string;
  responsibleName: string;
  responsibleEmail: string;
  /** The console user a new complaint of the department is assigned to; '' for none. */
  responsibleUserId: string;
}

/** What the API takes: the texts, and `responsibleUserId` when it changes (null clears it). */
export type DepartmentBody = Omit<Draft, 'responsibleUserId'> & { responsibleUserId?: string | null };

/** A new department or the changes of one: its name, who answers for its complaints. */
export function DepartmentForm({
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
  save: (d: DepartmentBody) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { meta } = useConsole();
  const [draft, setDraft] = useState<Draft>({
    name: initial?.name ?? '',
    responsibleName: initial?.responsibleName ?? '',
    responsibleEmail: initial?.responsibleEmail ?? '',
    responsibleUserId: initial?.responsibleUserId ?? '',
  });
  const [start] = useState(draft);
  // Admins and the QMS answer for any department; a handler only for his own (a new one has none yet).
  const fits = meta.handlers.filter((h) => h.role !== 'handler' || (initial && h.departmentId === initial.id));
  const people = fits.map((h) => ({ value: h.id, label: `${h.name} — ${ROLE_LABELS[h.role]}` }));
  // One who is no longer active stays shown, so that saving another field doesn't drop him unseen.
  if (draft.responsibleUserId && !fits.some((h) => h.id === draft.responsibleUserId))
    people.push({ value: draft.responsibleUserId, label: 'Пользователь недоступен — выберите другого' });
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
    // Said before asking, whatever the case and spaces, as the server compares names.
    if (taken.some((n) => departmentKey(n) === departmentKey(draft.name)))
      return act.fail({ name: CONSOLE_FIELD_ERRORS.ru.departmentTaken });
    const ok = await act.run(async () => {
      const responsibleUserId = draft.responsibleUserId || null;
      await save({
        name: draft.name.trim(),
        responsibleName: draft.responsibleName.trim(),
        responsibleEmail: draft.responsibleEmail.trim(),
        // Sent only when changed: an inactive one kept would be refused and block every other change.
        ...(responsibleUserId !== (initial?.responsibleUserId ?? null) && { responsibleUserId }),
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
      onKeyDown={closeOnEscape(onCancel, JSON.stringify(draft) !== JSON.stringify(start))}
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
          hint="Для справки: кого спросить о жалобах подразделения. Назначается жалоба «Ответственному по умолчанию»."
        />
        <TextField
          label="E-mail ответственного"
          type="email"
          value={draft.responsibleEmail}
          onValue={set('responsibleEmail')}
          error={act.fields.responsibleEmail}
          hint="Для справки, писем на него не отправляется: о сроках жалобы пишем назначенному ответственному, а пока его нет — СМК."
        />
        <SelectField
          label="Ответственный по умолчанию"
          value={draft.responsibleUserId}
          onValue={set('responsibleUserId')}
          empty="Не назначен"
          options={people}
          error={act.fields.responsibleUserId}
          hint={
            initial
              ? 'Новая жалоба подразделения сразу назначается ему.'
              : 'Новая жалоба подразделения сразу назначается ему. Сотрудники подразделения появятся здесь после его создания.'
          }
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
