import type { WeeklyControl } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Place } from '../../router.tsx';
import { ReportFrame } from './report-frame.tsx';
import { num } from './report-format.ts';
import { readWeekly } from './report-query.ts';
import { WeeklyDepartments, WeeklyOverdue, WeeklySteps } from './weekly-tables.tsx';

/** Nothing happened in the week: no figure and no row to draw. */
const isEmpty = (r: WeeklyControl) =>
  r.totals.received + r.totals.open + r.totals.closed + r.totals.overdue === 0 && r.overdue.length === 0;

/**
 * «Контроль за неделю» (seed 004: the weekly review of complaint deadlines): new, open, closed
 * and overdue complaints by department and by step, and the overdue ones, each linked to its card.
 */
export function WeeklyScreen({ place, now = new Date() }: { place: Place; now?: Date }) {
  return (
    <ReportFrame<WeeklyControl>
      screen="weekly"
      title="Контроль за неделю"
      query={readWeekly(place.query, now)}
      now={now}
      lead={(r) => `${r.department ? r.department.name : 'Все подразделения'} · состояние на ${formatDateTime(r.asOf)}`}
      isEmpty={isEmpty}
      empty="Нет жалоб за период."
    >
      {(r) => (
        <>
          <dl class="stat-tiles">
            <Tile label="Поступило" value={r.totals.received} />
            <Tile label="В работе на конец недели" value={r.totals.open} />
            <Tile label="Закрыто" value={r.totals.closed} />
            <Tile label="Просрочено" value={r.totals.overdue} warn={r.totals.overdue > 0} />
          </dl>
          <WeeklyDepartments report={r} />
          <WeeklySteps report={r} />
          <WeeklyOverdue report={r} />
        </>
      )}
    </ReportFrame>
  );
}

/** One headline figure. */
export function Tile({
  label,
  value,
  sub,
  warn,
}: {
  label: string;
  value: number | string;
  sub?: string;
  warn?: boolean;
}) {
  return (
    <div class={`stat-tile${warn ? ' warn-tile' : ''}`}>
      <dt>{label}</dt>
      <dd>
        {typeof value === 'number' ? num(value) : value}
        {sub && <span class="sub">{sub}</span>}
      </dd>
    </div>
  );
}
