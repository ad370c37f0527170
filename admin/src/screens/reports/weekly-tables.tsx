import { STEP_TITLES } from '../../../../shared/complaint-process.ts';
import type { WeeklyControl } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router.tsx';
import { Empty } from '../../ui/page.tsx';
import { BarChart } from './charts/bar-chart.tsx';
import { ChartFigure, FigureTable } from './charts/chart-figure.tsx';
import { num } from './report-format.ts';

const FIGURES = [
  { key: 'received', label: 'Поступило', cls: 's-received' },
  { key: 'open', label: 'В работе', cls: 's-open' },
  { key: 'closed', label: 'Закрыто', cls: 's-closed' },
  { key: 'overdue', label: 'Просрочено', cls: 's-overdue' },
] as const;

const NONE = 'Без подразделения';

/** The four figures by department: bars and their table. */
export function WeeklyDepartments({ report }: { report: WeeklyControl }) {
  if (report.byDepartment.length === 0) return null;
  const rows = report.byDepartment.map((d) => ({ label: d.department?.name ?? NONE, d }));
  return (
    <section class="report-section">
      <h2>По подразделениям</h2>
      <ChartFigure
        title="Жалобы по подразделениям за неделю"
        chart={
          <BarChart
            rows={rows.map((r) => ({ label: r.label, values: FIGURES.map((f) => r.d[f.key]) }))}
            series={[...FIGURES]}
          />
        }
      >
        <FigureTable class="table report-table">
          <thead>
            <tr>
              <th scope="col">Подразделение</th>
              {FIGURES.map((f) => (
                <th scope="col" class="num" key={f.key}>
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.d.department?.id ?? 'none'}>
                <th scope="row">{r.label}</th>
                {FIGURES.map((f) => (
                  <td
                    class={`num${f.key === 'overdue' && r.d.overdue ? ' overdue-num' : ''}`}
                    data-label={f.label}
                    key={f.key}
                  >
                    {num(r.d[f.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </FigureTable>
      </ChartFigure>
    </section>
  );
}

const STEP_FIGURES = [
  { key: 'open', label: 'В работе на шаге', cls: 's-open' },
  { key: 'overdue', label: 'Просрочено', cls: 's-overdue' },
  { key: 'doneOnTime', label: 'Выполнено в срок', cls: 's-closed' },
  { key: 'doneLate', label: 'С опозданием', cls: 's-late' },
] as const;

/** The steps of stage 1: where the open complaints stand, what is overdue, what was done on time. */
export function WeeklySteps({ report }: { report: WeeklyControl }) {
  return (
    <section class="report-section">
      <h2>По шагам</h2>
      <ChartFigure
        wide
        title="Шаги претензии за неделю"
        chart={
          <BarChart
            rows={report.steps.map((s) => ({
              label: `Шаг ${s.step}`,
              values: STEP_FIGURES.map((f) => s[f.key]),
            }))}
            series={[...STEP_FIGURES]}
          />
        }
      >
        <FigureTable class="table report-table">
          <thead>
            <tr>
              <th scope="col">Шаг</th>
              {STEP_FIGURES.map((f) => (
                <th scope="col" class="num" key={f.key}>
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.steps.map((s) => (
              <tr key={s.step}>
                <th scope="row">
                  {s.step} {s.title}
                </th>
                {STEP_FIGURES.map((f) => (
                  <td class="num" data-label={f.label} key={f.key}>
                    {num(s[f.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </FigureTable>
      </ChartFigure>
    </section>
  );
}

/** The overdue complaints, longest overdue first, each number a link to its card. */
export function WeeklyOverdue({ report }: { report: WeeklyControl }) {
  return (
    <section class="report-section">
      <h2>Просроченные жалобы</h2>
      {report.overdue.length === 0 ? (
        <Empty>Просроченных жалоб на конец недели нет.</Empty>
      ) : (
        <table class="table report-table overdue-table">
          <caption class="sr">Просроченные жалобы, сначала самые давние</caption>
          <thead>
            <tr>
              <th scope="col">Номер</th>
              <th scope="col">Клиент</th>
              <th scope="col">Подразделение</th>
              <th scope="col">Ответственный</th>
              <th scope="col">Шаг</th>
              <th scope="col">Срок</th>
              <th scope="col">Просрочено на</th>
            </tr>
          </thead>
          <tbody>
            {report.overdue.map((o) => (
              <tr key={o.id}>
                <td data-label="Номер" class="nowrap">
                  <Link href={`/admin/submissions/${encodeURIComponent(o.id)}`}>{o.number}</Link>
                  <span class="sub">от {formatDateTime(o.receivedAt)}</span>
                </td>
                <td data-label="Клиент">{o.client ?? '—'}</td>
                <td data-label="Подразделение">{o.department?.name ?? NONE}</td>
                <td data-label="Ответственный">{o.responsible?.name ?? <span class="muted">не назначен</span>}</td>
                <td data-label="Шаг">
                  {o.step}
                  <span class="sub">{STEP_TITLES[o.step]}</span>
                </td>
                <td data-label="Срок" class="nowrap">
                  {formatDateTime(o.dueAt)}
                </td>
                <td data-label="Просрочено на" class="overdue-num">
                  {o.overdueText}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
