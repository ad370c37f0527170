import { useEffect } from 'preact/hooks';
import type { WeeklyControl } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import type { Place } from '../../router.tsx';
import { Empty, LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { ExportLinks } from './export-links.tsx';
import { ReportControls, ReportTabs } from './report-controls.tsx';
import { num } from './report-format.ts';
import { readWeekly, reportParams } from './report-query.ts';
import { WeeklyDepartments, WeeklyOverdue, WeeklySteps } from './weekly-tables.tsx';

/** Nothing happened in the week: no figure and no row to draw. */
const isEmpty = (r: WeeklyControl) =>
  r.totals.received + r.totals.open + r.totals.closed + r.totals.overdue === 0 && r.overdue.length === 0;

/**
 * «Контроль за неделю» (seed 004: the weekly review of complaint deadlines): new, open, closed
 * and overdue complaints by department and by step, and the overdue ones, each linked to its card.
 */
export function WeeklyScreen({ place, now = new Date() }: { place: Place; now?: Date }) {
  const { api } = useConsole();
  const query = readWeekly(place.query, now);
  const params = reportParams('weekly', query);
  const report = useLoad(() => api.get<WeeklyControl>('reports/weekly', params), [query.period.key, query.department]);
  useEffect(() => {
    document.title = 'Контроль за неделю — Отклик';
  }, []);
  const r = report.data;

  return (
    <>
      <PageTitle aside={<ExportLinks name="reports/weekly" params={params} />}>Отчёты</PageTitle>
      <ReportTabs screen="weekly" department={query.department} />
      <ReportControls screen="weekly" query={query} now={now} />
      {report.error ? (
        <LoadError error={report.error} retry={report.reload} />
      ) : !r ? (
        <Loading />
      ) : (
        <div class={report.loading ? 'stale report' : 'report'} aria-busy={report.loading}>
          <p class="muted">
            {r.department ? `${r.department.name} · ` : 'Все подразделения · '}
            состояние на {formatDateTime(r.asOf)}
          </p>
          {isEmpty(r) ? (
            <Empty>Нет жалоб за период.</Empty>
          ) : (
            <>
              <dl class="stat-tiles">
                <Tile label="Поступило" value={r.totals.received} />
                <Tile label="Открыто на конец недели" value={r.totals.open} />
                <Tile label="Закрыто" value={r.totals.closed} />
                <Tile label="Просрочено" value={r.totals.overdue} warn={r.totals.overdue > 0} />
              </dl>
              <WeeklyDepartments report={r} />
              <WeeklySteps report={r} />
              <WeeklyOverdue report={r} />
            </>
          )}
        </div>
      )}
    </>
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
