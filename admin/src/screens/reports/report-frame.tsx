import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useConsole } from '../../app-context.ts';
import { Empty, LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { ExportLinks } from './export-links.tsx';
import { ReportControls, ReportTabs } from './report-controls.tsx';
import { type ReportQuery, reportParams } from './report-query.ts';

/**
 * What both report screens share: the title with the export links, the tabs, the period and
 * department controls, and the report loaded for them — an error, «loading», the empty text, or
 * the screen's own figures.
 * @example <ReportFrame screen="weekly" title="Контроль за неделю" query={q} now={now} lead={…} isEmpty={…} empty="Нет жалоб за период.">{(r) => …}</ReportFrame>
 */
export function ReportFrame<T>(props: {
  screen: 'weekly' | 'monthly';
  title: string;
  query: ReportQuery;
  now: Date;
  /** The line over the figures: whose they are and when counted. */
  lead: (r: T) => string;
  isEmpty: (r: T) => boolean;
  empty: string;
  children: (r: T) => ComponentChildren;
}) {
  const { screen, query } = props;
  const { api } = useConsole();
  const params = reportParams(screen, query);
  const report = useLoad(() => api.get<T>(`reports/${screen}`, params), [screen, query.period.key, query.department]);
  useEffect(() => {
    document.title = `${props.title} — Отклик`;
  }, [props.title]);
  const r = report.data;

  return (
    <>
      <PageTitle aside={<ExportLinks name={`reports/${screen}`} params={params} />}>Отчёты</PageTitle>
      <ReportTabs screen={screen} department={query.department} />
      <ReportControls screen={screen} query={query} now={props.now} />
      {report.error ? (
        <LoadError error={report.error} retry={report.reload} />
      ) : !r ? (
        <Loading />
      ) : (
        <div class={report.loading ? 'stale report' : 'report'} aria-busy={report.loading}>
          <p class="muted">{props.lead(r)}</p>
          {props.isEmpty(r) ? <Empty>{props.empty}</Empty> : props.children(r)}
        </div>
      )}
    </>
  );
}
