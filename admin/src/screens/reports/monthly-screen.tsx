import type { MonthlyAnalysis, PeriodFigures } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Place } from '../../router.tsx';
import { MonthlyDeadlines } from './monthly-deadlines.tsx';
import { MonthlyRatings } from './monthly-ratings.tsx';
import { MonthlyResponsibles } from './monthly-responsibles.tsx';
import { MonthlyReceived } from './monthly-received.tsx';
import { MonthlyShares } from './monthly-shares.tsx';
import { ReportFrame } from './report-frame.tsx';
import { change, num, pct } from './report-format.ts';
import { readMonthly } from './report-query.ts';
import { Tile } from './weekly-screen.tsx';

/** Nothing came in, closed or fell due in the period: no chart to draw. */
const isEmpty = (f: PeriodFigures) =>
  f.received.total === 0 && f.closed.count === 0 && f.compliance.every((s) => s.due === 0);

/**
 * «Анализ за период» (seed 004: the monthly report; the analyses of justification and of
 * loyalty): a month, quarter or year beside the one before it.
 */
export function MonthlyScreen({ place, now = new Date() }: { place: Place; now?: Date }) {
  return (
    <ReportFrame<MonthlyAnalysis>
      screen="monthly"
      title="Анализ за период"
      query={readMonthly(place.query, now)}
      now={now}
      lead={(r) =>
        `${r.department ? r.department.name : 'Все подразделения'} · сравнение с периодом «${r.previous.period.label}» · состояние на ${formatDateTime(r.asOf)}`
      }
      isEmpty={(r) => isEmpty(r.current)}
      empty="Нет обращений и жалоб за период."
    >
      {(r) => (
        <>
          <Headline current={r.current} previous={r.previous} />
          <MonthlyReceived current={r.current} previous={r.previous} />
          <MonthlyShares current={r.current} previous={r.previous} />
          <MonthlyDeadlines current={r.current} previous={r.previous} />
          <MonthlyResponsibles current={r.current} previous={r.previous} />
          <MonthlyRatings current={r.current} previous={r.previous} />
        </>
      )}
    </ReportFrame>
  );
}

function Headline({ current: c, previous: p }: { current: PeriodFigures; previous: PeriodFigures }) {
  const loyal = (f: PeriodFigures) => f.closed.loyal.find((s) => s.key === 'yes')?.share ?? null;
  const was = (text: string) => `было ${text}`;
  return (
    <dl class="stat-tiles">
      <Tile
        label="Поступило"
        value={c.received.total}
        sub={`${change(c.received.total, p.received.total)} · ${was(num(p.received.total))}`}
      />
      <Tile label="Закрыто жалоб" value={c.closed.count} sub={was(num(p.closed.count))} />
      <Tile
        label="Средний срок, р. д."
        value={num(c.closed.averageDays, c.closed.averageDays === null ? 0 : 1)}
        sub={was(num(p.closed.averageDays, p.closed.averageDays === null ? 0 : 1))}
      />
      <Tile label="Лояльные клиенты" value={pct(loyal(c))} sub={was(pct(loyal(p)))} />
    </dl>
  );
}
