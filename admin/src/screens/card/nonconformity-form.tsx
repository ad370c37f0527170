import { useState } from 'preact/hooks';
import type { Card } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useCardPost } from './use-card-post.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';
import { useUnsaved } from '../../ui/unsaved.ts';

const EMPTY = { departmentId: '', process: '', product: '', description: '', task: '', assignee: '', dueDay: '' };
type Draft = typeof EMPTY;
const REQUIRED: Array<[keyof Draft, string]> = [
  ['process', 'Укажите процесс'],
  ['product', 'Укажите продукт'],
  ['description', 'Опишите несоответствие'],
  ['task', 'Опишите корректирующую задачу'],
  ['assignee', 'Укажите исполнителя'],
];

/** A new row of stage 2's table: the nonconformity found and the corrective task. */
export function NonconformityForm({
  card,
  onCard,
  onClose,
}: {
  card: Card;
  onCard: (c: Card) => void;
  onClose: () => void;
}) {
  const { meta } = useConsole();
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, departmentId: card.department?.id ?? '' });
  const act = useCardPost(card, onCard, Object.keys(EMPTY));
  useFocusFirstField(act.ref);
  // Its words written are asked about before the form is closed by Esc or the page left.
  const typed = (['process', 'product', 'description', 'task', 'assignee'] as const).some(
    (k) => draft[k].trim() !== '',
  );
  useUnsaved(typed);
  const bind = (k: keyof Draft) => ({
    value: draft[k],
    onValue: (v: string) => setDraft((d) => ({ ...d, [k]: v })),
    error: act.fields[k],
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing = REQUIRED.filter(([k]) => !draft[k].trim());
    if (missing.length > 0) return act.fail(Object.fromEntries(missing));
    const body = Object.fromEntries(
      Object.entries(draft)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v !== ''),
    );
    if (await act.post('nonconformities', body, 'Несоответствие добавлено')) onClose();
  };

  return (
    <form
      onKeyDown={closeOnEscape(onClose, typed)}
      class="panel inline-form"
      aria-labelledby="nc-form-title"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h3 id="nc-form-title">Новое несоответствие</h3>
      <FormError message={act.message} />
      <div class="form-row">
        <SelectField
          label="Подразделение"
          empty="Не указано"
          options={meta.departments.map((d) => ({ value: d.id, label: d.name }))}
          {...bind('departmentId')}
        />
        <TextField label="Процесс" required maxLength={300} {...bind('process')} />
        <TextField label="Продукт" required maxLength={300} {...bind('product')} />
      </div>
      <TextAreaField label="Несоответствие" required rows={2} maxLength={2000} {...bind('description')} />
      <TextAreaField label="Корректирующая задача" required rows={2} maxLength={2000} {...bind('task')} />
      <div class="form-row">
        <TextField label="Исполнитель" required maxLength={300} {...bind('assignee')} />
        <TextField label="Срок" type="date" {...bind('dueDay')} />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy}>
          {act.busy ? 'Добавляем…' : 'Добавить'}
        </button>
        <button type="button" class="btn secondary" onClick={onClose}>
          Отмена
        </button>
      </div>
    </form>
  );
}
