import { useEffect } from 'preact/hooks';
import type { RefusalCount, RefusalsAnswer } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { navigate, type Place } from '../../router.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { Empty, LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { orderReasons, refusalLabel } from './refusal-labels.ts';

const PERIODS = [
  { value: '7', label: 'За 7 дней' },
  { value: '30', label: 'За 30 дней' },
  { value: '90', label: 'За 90 дней' },
  { value: '365', label: 'За год' },
];

/** `2026-12-05` → `05.12.2026`: the server's days are calendar days, not instants. */
const dayText = (day: string) => day.split('-').reverse().join('.');
const n = (v: number) => v.toLocaleString('ru-RU');

/** The counts as a table: a row per day with refusals, a column per reason met, totals both ways. */
function tabulate(items: RefusalCount[]) {
  const reasons = orderReasons(items.map((i) => i.reason));
  const days = [...new Set(items.map((i) => i.day))].sort().reverse();
  const cell = new Map(items.map((i) => [`${i.day} ${i.reason}`, i.count]));
  const count = (day: string, reason: string) => cell.get(`${day} ${reason}`) ?? 0;
  const byReason = reasons.map((r) => days.reduce((s, d) => s + count(d, r), 0));
  return { reasons, days, count, byReason, total: byReason.reduce((a, b) => a + b, 0) };
}

/**
 * «Отказы»: what the public forms and sign-in refused, by day and reason, so the QMS sees a flood
 * or a misbehaving site. Only counts are kept: never what was sent.
 */
export function RefusalsScreen({ place }: { place: Place }) {
  const { api } = useConsole();
  const days = PERIODS.some((p) => p.value === place.query.get('days')) ? place.query.get('days')! : '30';
  const list = useLoad(() => api.get<RefusalsAnswer>('refusals', { days }), [days]);
  useEffect(() => {
    document.title = 'Отказы — Отклик';
  }, []);
  const table = list.data ? tabulate(list.data.items) : null;

  return (
    <>
      <PageTitle>Отказы</PageTitle>
      <p class="muted">
        Сколько запросов к формам и ко входу отклонено и почему. Содержимое отклонённых запросов не хранится, только
        число за день (по UTC).
      </p>
      <div class="filter-fields open">
        <SelectField
          label="Период"
          value={days}
          onValue={(v) => navigate(`/admin/refusals${v === '30' ? '' : `?days=${v}`}`)}
          options={PERIODS}
        />
      </div>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : !table ? (
        <Loading />
      ) : table.days.length === 0 ? (
        <Empty>За этот период отказов не было.</Empty>
      ) : (
        <div class={list.loading ? 'stale' : undefined} aria-busy={list.loading}>
          <table class="table refusals-table">
            <caption class="sr">Отказы по дням и причинам, сначала новые дни</caption>
            <thead>
              <tr>
                <th scope="col">День</th>
                {table.reasons.map((r) => (
                  <th scope="col" key={r} class="num">
                    {refusalLabel(r)}
                  </th>
                ))}
                <th scope="col" class="num">
                  Всего
                </th>
              </tr>
            </thead>
            <tbody>
              {table.days.map((day) => (
                <tr key={day}>
                  <th scope="row" data-label="День" class="nowrap">
                    {dayText(day)}
                  </th>
                  {table.reasons.map((r) => (
                    <td key={r} data-label={refusalLabel(r)} class="num">
                      {table.count(day, r) ? n(table.count(day, r)) : <span class="muted">—</span>}
                    </td>
                  ))}
                  <td data-label="Всего" class="num strong">
                    {n(table.reasons.reduce((s, r) => s + table.count(day, r), 0))}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label="Итого">
                  Итого
                </th>
                {table.reasons.map((r, i) => (
                  <td key={r} data-label={refusalLabel(r)} class="num strong">
                    {n(table.byReason[i]!)}
                  </td>
                ))}
                <td data-label="Всего" class="num strong">
                  {n(table.total)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
