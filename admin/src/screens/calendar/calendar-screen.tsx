import { useEffect } from 'preact/hooks';
import type { CalendarYear } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { Link, type Place } from '../../router.tsx';
import { LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { hoursNumber, moscowYear } from './calendar-labels.ts';
import { SpecialDays } from './special-days.tsx';
import { WorkingHours } from './working-hours.tsx';

const calendarHref = (year: number) => `/admin/calendar?year=${year}`;

/** «Календарь»: the company's working days and hours, on which every deadline is counted. */
export function CalendarScreen({ place }: { place: Place }) {
  const { api } = useConsole();
  const asked = Number(place.query.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : moscowYear();
  const data = useLoad(() => api.get<CalendarYear>('calendar', { year }), [year]);
  useEffect(() => {
    document.title = `Рабочий календарь ${year} — Отклик`;
  }, [year]);
  const y = data.data?.year === year ? data.data : undefined;

  return (
    <>
      <PageTitle
        aside={
          <nav aria-label="Другие годы">
            <Link class="btn secondary small" href={calendarHref(year - 1)}>
              ← {year - 1}
            </Link>{' '}
            <Link class="btn secondary small" href={calendarHref(year + 1)}>
              {year + 1} →
            </Link>
          </nav>
        }
      >
        Рабочий календарь {year}
      </PageTitle>
      {data.error ? (
        <LoadError error={data.error} retry={data.reload} />
      ) : !y ? (
        <Loading />
      ) : (
        <YearView year={y} onChange={(next) => data.setData(() => next)} reload={data.reload} />
      )}
    </>
  );
}

function YearView({
  year: y,
  onChange,
  reload,
}: {
  year: CalendarYear;
  onChange: (y: CalendarYear) => void;
  reload: () => void;
}) {
  return (
    <>
      {y.hasData ? (
        <p class="lead">
          Праздники, переносы и сокращённые дни — по производственному календарю. Основание: {y.decree}. Изменения
          компании (региональный праздник, свой выходной, рабочая суббота) заменяют его для своего дня.
        </p>
      ) : (
        <p class="warn" role="note">
          Постановление о переносе выходных дней на {y.year} год не загружено: считаются выходные, праздники Трудового
          кодекса (ст. 112, праздник в выходной переносится на следующий рабочий день) и сокращённые дни перед ними
          {y.days.some((d) => d.source === 'company') ? ', а также дни, отмеченные компанией' : ''}. Переносы
          постановления добавьте, когда оно выйдет: <code class="code-like">npm run cli -- calendar import ФАЙЛ</code>.
        </p>
      )}
      <p class="muted small">
        Сроки шагов жалобы считаются, когда она поступает, когда согласована дата шага 1.4 и когда он отмечен: изменение
        календаря действует на сроки, посчитанные после него, а уже назначенные (и названные клиенту) не меняет. Цель в
        5 рабочих дней и рабочие дни в отчётах считаются по календарю, каким он стал.
      </p>
      <section aria-labelledby="cal-totals">
        <h2 id="cal-totals">Итоги года</h2>
        <dl class="dl">
          <div class="dl-row">
            <dt>Рабочих дней</dt>
            <dd>
              {y.totals.workingDays}, из них сокращённых {y.totals.shortDays}
            </dd>
          </div>
          <div class="dl-row">
            <dt>Норма часов при 40-часовой неделе</dt>
            <dd>{hoursNumber(y.totals.normHours)}</dd>
          </div>
          <div class="dl-row">
            <dt>
              Рабочих часов по графику {y.hours.start}–{y.hours.end}
            </dt>
            <dd>{hoursNumber(y.totals.workingHours)}</dd>
          </div>
        </dl>
      </section>
      <WorkingHours year={y} onSaved={reload} />
      <SpecialDays year={y} onChange={onChange} />
    </>
  );
}
