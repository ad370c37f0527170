import { useState } from 'preact/hooks';
import { hoursProblem, workingHoursSchema } from '../../../../shared/calendar-schema.ts';
import { validate } from '../../../../shared/rules.ts';
import type { CalendarHours, CalendarYear } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { canEditCalendar } from '../../permissions.ts';
import { FormError, TextField } from '../../ui/fields.tsx';
import { focusSoon, useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';

/** The working hours, and their form for admin and QMS. */
export function WorkingHours({ year: y, onSaved }: { year: CalendarYear; onSaved: () => void }) {
  const { user } = useConsole();
  const [editing, setEditing] = useState(false);
  const close = () => {
    setEditing(false);
    focusSoon('#hours-edit');
  };
  return (
    <section aria-labelledby="cal-hours">
      <div class="section-head">
        <h2 id="cal-hours">Рабочее время</h2>
        {canEditCalendar(user) && !editing && (
          <button type="button" id="hours-edit" class="btn secondary" onClick={() => setEditing(true)}>
            Изменить рабочее время
          </button>
        )}
      </div>
      <p>
        С {y.hours.start} до {y.hours.end} ({y.timeZone === 'Europe/Moscow' ? 'по Москве' : y.timeZone}), суббота и
        воскресенье — выходные; в сокращённый день работа заканчивается на час раньше.
      </p>
      {editing && (
        <HoursForm
          initial={y.hours}
          onCancel={close}
          onSaved={() => {
            close();
            onSaved();
          }}
        />
      )}
    </section>
  );
}

function HoursForm({
  initial,
  onCancel,
  onSaved,
}: {
  initial: CalendarHours;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { api, announce } = useConsole();
  const [draft, setDraft] = useState<CalendarHours>(initial);
  const act = useAction();
  useFocusFirstField(act.ref);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = validate(workingHoursSchema, { ...draft });
    if (!r.success)
      return act.fail(
        Object.fromEntries(Object.keys(r.errors).map((f) => [f, 'Укажите время в формате ЧЧ:ММ, например 09:00'])),
      );
    if (hoursProblem(r.data)) return act.fail({ end: 'Конец рабочего дня — больше чем через час после начала' });
    const saved = await act.run(() => api.send<CalendarHours>('PUT', 'calendar/hours', r.data));
    if (!saved) return;
    announce(`Рабочее время: ${saved.start}–${saved.end}`);
    onSaved();
  };
  return (
    <form
      class="panel inline-form form-narrow"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h3>Новое рабочее время</h3>
      <FormError message={act.error} />
      <div class="form-row">
        <TextField
          label="Начало"
          inputMode="numeric"
          placeholder="09:00"
          autocomplete="off"
          value={draft.start}
          onValue={(start) => setDraft((d) => ({ ...d, start }))}
          error={act.fields.start}
          required
        />
        <TextField
          label="Конец"
          inputMode="numeric"
          placeholder="18:00"
          autocomplete="off"
          value={draft.end}
          onValue={(end) => setDraft((d) => ({ ...d, end }))}
          error={act.fields.end}
          hint="Часы и минуты, ЧЧ:ММ; в сокращённый день — на час раньше"
          required
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
