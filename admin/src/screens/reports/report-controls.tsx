import {
  type Period,
  type PeriodKind,
  parsePeriod,
  periodKeyOf,
  periodLabel,
  shiftPeriod,
} from '../../../../shared/report-periods.ts';
import { useConsole } from '../../app-context.ts';
import { Link, navigate } from '../../router.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { companyToday, currentPeriod, type ReportQuery, reportHref } from './report-query.ts';

type Screen = 'weekly' | 'monthly';

const KINDS = [
  { value: 'month', label: 'Месяц' },
  { value: 'quarter', label: 'Квартал' },
  { value: 'year', label: 'Год' },
];
const PREV: Record<PeriodKind, string> = {
  week: 'Предыдущая неделя',
  month: 'Предыдущий месяц',
  quarter: 'Предыдущий квартал',
  year: 'Предыдущий год',
};
const NEXT: Record<PeriodKind, string> = {
  week: 'Следующая неделя',
  month: 'Следующий месяц',
  quarter: 'Следующий квартал',
  year: 'Следующий год',
};
const THIS: Record<PeriodKind, string> = {
  week: 'Эта неделя',
  month: 'Этот месяц',
  quarter: 'Этот квартал',
  year: 'Этот год',
};

/** The two reports as tabs; the department chosen goes along. */
export function ReportTabs({ screen, department }: { screen: Screen; department: string }) {
  const q = new URLSearchParams(department ? { department } : {}).toString();
  const tabs: Array<[Screen, string]> = [
    ['weekly', 'Контроль за неделю'],
    ['monthly', 'Анализ за период'],
  ];
  return (
    <nav class="tabs" aria-label="Отчёты">
      {tabs.map(([s, title]) => (
        <Link key={s} href={`/admin/reports/${s}${q ? `?${q}` : ''}`} aria-current={s === screen ? 'page' : undefined}>
          {title}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The period and the department of a report: previous / next / this period, the kind of period
 * (monthly), the department (not for a handler: the server gives him his own whatever is asked).
 */
export function ReportControls({ screen, query, now }: { screen: Screen; query: ReportQuery; now: Date }) {
  const { meta, user } = useConsole();
  const { period } = query;
  const go = (change: Partial<ReportQuery>) => navigate(reportHref(screen, { ...query, ...change }));
  const next = shiftPeriod(period, 1);
  const today = companyToday(now);
  const own = meta.departments.find((d) => d.id === user.departmentId);
  return (
    <div class="report-controls">
      {screen === 'monthly' && (
        <SelectField
          label="Период"
          value={period.kind}
          options={KINDS}
          onValue={(kind) => go({ period: currentPeriodOf(kind as PeriodKind, period.from) })}
        />
      )}
      <fieldset class="period-stepper">
        <legend class="sr">Период отчёта</legend>
        <button type="button" class="btn secondary" onClick={() => go({ period: shiftPeriod(period, -1) })}>
          <span aria-hidden="true">←</span> <span class="step-text">{PREV[period.kind]}</span>
        </button>
        <output class="period-label" aria-live="polite">
          {periodLabel(period)}
        </output>
        {/* aria-disabled: reaching the current period by this button must not drop its focus to the page's start. */}
        <button
          type="button"
          class="btn secondary"
          aria-disabled={next.from > today}
          onClick={() => next.from <= today && go({ period: next })}
        >
          <span class="step-text">{NEXT[period.kind]}</span> <span aria-hidden="true">→</span>
        </button>
        <button type="button" class="link-button" onClick={() => go({ period: currentPeriod(period.kind, now) })}>
          {THIS[period.kind]}
        </button>
      </fieldset>
      {user.role === 'handler' ? (
        own && <p class="muted report-department">Подразделение: {own.name}</p>
      ) : (
        <SelectField
          label="Подразделение"
          value={query.department}
          empty="Все подразделения"
          options={[
            ...meta.departments.map((d) => ({ value: d.id, label: d.name })),
            { value: 'none', label: 'Без подразделения' },
          ]}
          onValue={(department) => go({ department })}
        />
      )}
    </div>
  );
}

/** The period of `kind` that holds a day: October → IV quarter → the year. */
const currentPeriodOf = (kind: PeriodKind, day: string) => parsePeriod(periodKeyOf(kind, day)) as Period;
