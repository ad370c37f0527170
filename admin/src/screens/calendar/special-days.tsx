import { useState } from 'preact/hooks';
import type { CalendarDay, CalendarYear } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { canEditCalendar } from '../../permissions.ts';
import { navigate } from '../../router.tsx';
import { FormError } from '../../ui/fields.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { Empty } from '../../ui/page.tsx';
import { useAction } from '../../ui/use-action.ts';
import { DAY_SOURCE_LABELS, DAY_TYPE_BADGES, DAY_TYPE_LABELS, dayLabel, weekdayOf } from './calendar-labels.ts';
import { DayForm } from './day-form.tsx';

/** The year's days that are not an ordinary weekday or weekend; admin and QMS change them. */
export function SpecialDays({ year: y, onChange }: { year: CalendarYear; onChange: (y: CalendarYear) => void }) {
  const { api, user, announce } = useConsole();
  const editor = canEditCalendar(user);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const remove = useAction();

  const close = () => {
    focusSoon(editing ? `#day-edit-${editing}` : '#day-add');
    setEditing(null);
    setAdding(false);
  };
  const saved = (answer: CalendarYear, text: string) => {
    close();
    announce(text);
    if (answer.year === y.year) onChange(answer);
    else navigate(`/admin/calendar?year=${answer.year}`);
  };
  const undo = async (d: CalendarDay) => {
    const answer = await remove.run(() => api.send<CalendarYear>('DELETE', `calendar/days/${d.day}`));
    if (!answer) return;
    onChange(answer);
    announce(`${dayLabel(d.day)}: изменение компании отменено`);
    focusSoon('#day-add');
  };
  const columns = editor ? 6 : 5;

  return (
    <section aria-labelledby="cal-days">
      <div class="section-head">
        <h2 id="cal-days">Праздники, переносы и изменения компании</h2>
        {editor && !adding && (
          <button type="button" id="day-add" class="btn" onClick={() => setAdding(true)}>
            Добавить день
          </button>
        )}
      </div>
      {adding && (
        <DayForm
          title="Новый день"
          initial={{ day: '', type: 'off', note: '' }}
          onCancel={close}
          onSaved={(answer, d) => saved(answer, `${dayLabel(d)}: сохранено`)}
        />
      )}
      <FormError message={remove.error} />
      {y.days.length === 0 ? (
        <Empty>Особых дней нет: рабочие дни — с понедельника по пятницу.</Empty>
      ) : (
        <table class="table">
          <caption class="sr">Дни года, отличающиеся от обычной недели</caption>
          <thead>
            <tr>
              <th scope="col">Дата</th>
              <th scope="col">День недели</th>
              <th scope="col">Тип</th>
              <th scope="col">Источник</th>
              <th scope="col">Примечание</th>
              {editor && (
                <th scope="col">
                  <span class="sr">Действия</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {y.days.map((d) => [
              <tr key={d.day}>
                <td data-label="Дата" class="strong nowrap">
                  <time dateTime={d.day}>{dayLabel(d.day)}</time>
                </td>
                <td data-label="День недели">{weekdayOf(d.day)}</td>
                <td data-label="Тип">
                  <span class={DAY_TYPE_BADGES[d.type]}>{DAY_TYPE_LABELS[d.type]}</span>
                </td>
                <td data-label="Источник">
                  {DAY_SOURCE_LABELS[d.source]}
                  {d.source === 'company' && d.baseType !== d.type && (
                    <span class="sub muted">вместо: {DAY_TYPE_LABELS[d.baseType].toLowerCase()}</span>
                  )}
                </td>
                <td data-label="Примечание">{d.note || <span class="muted">—</span>}</td>
                {editor && (
                  <td class="row-actions">
                    <button
                      type="button"
                      id={`day-edit-${d.day}`}
                      class="btn secondary small"
                      aria-expanded={editing === d.day}
                      onClick={() => setEditing(editing === d.day ? null : d.day)}
                    >
                      Изменить<span class="sr"> {dayLabel(d.day)}</span>
                    </button>
                    {d.source === 'company' && (
                      <button type="button" class="btn secondary small" disabled={remove.busy} onClick={() => undo(d)}>
                        Отменить изменение<span class="sr"> {dayLabel(d.day)}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>,
              editing === d.day && (
                <tr key={`${d.day}-edit`} class="edit-row">
                  <td colSpan={columns}>
                    <DayForm
                      title={`${dayLabel(d.day)}, ${weekdayOf(d.day)}`}
                      initial={{ day: d.day, type: d.type, note: d.note ?? '' }}
                      fixedDay
                      onCancel={close}
                      onSaved={(answer) => saved(answer, `${dayLabel(d.day)}: сохранено`)}
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
