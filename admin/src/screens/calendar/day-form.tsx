import { useState } from 'preact/hooks';
import { calendarDaySchema, isCalendarDay } from '../../../../shared/calendar-schema.ts';
import { validate } from '../../../../shared/rules.ts';
import type { CalendarDayType, CalendarYear } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { FormError, SelectField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { DAY_TYPE_CHOICES } from './calendar-labels.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

export interface DayDraft {
  day: string;
  type: CalendarDayType;
  note: string;
}

/** A day's type and note (and its date, when it is a new one), saved with PUT /calendar/days/:day. */
export function DayForm({
  title,
  initial,
  fixedDay = false,
  onCancel,
  onSaved,
}: {
  title: string;
  initial: DayDraft;
  fixedDay?: boolean;
  onCancel: () => void;
  onSaved: (answer: CalendarYear, day: string) => void;
}) {
  const { api } = useConsole();
  const [draft, setDraft] = useState<DayDraft>(initial);
  // What Esc compares with: the draft as opened, whatever the screen passes in since.
  const [start] = useState(draft);
  const act = useAction();
  useFocusFirstField(act.ref);
  const set = (k: keyof DayDraft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!isCalendarDay(draft.day)) problems.day = 'Укажите дату';
    const r = validate(calendarDaySchema, { type: draft.type, note: draft.note });
    if (!r.success && r.errors.note) problems.note = 'Не длиннее 200 знаков';
    if (!r.success && r.errors.type) problems.type = 'Выберите тип дня';
    if (!r.success || Object.keys(problems).length > 0) return act.fail(problems);
    const answer = await act.run(() =>
      api.send<CalendarYear>('PUT', `calendar/days/${draft.day}`, { type: r.data.type, note: r.data.note ?? '' }),
    );
    if (answer) onSaved(answer, draft.day);
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
        {!fixedDay && (
          <TextField label="Дата" type="date" value={draft.day} onValue={set('day')} error={act.fields.day} required />
        )}
        <SelectField
          label="Тип дня"
          value={draft.type}
          onValue={set('type')}
          options={DAY_TYPE_CHOICES}
          error={act.fields.type}
          required
        />
        <TextField
          label="Примечание"
          value={draft.note}
          onValue={set('note')}
          error={act.fields.note}
          hint="Например: региональный праздник"
          maxLength={200}
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
