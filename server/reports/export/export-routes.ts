import { type Context, Hono } from 'hono';
import type { MonthlyAnalysis, WeeklyControl } from '../../../shared/console-reports.ts';
import type { Period } from '../../../shared/report-periods.ts';
import { recordAudit } from '../../audit/record.ts';
import type { ConsoleDeps } from '../../console/deps.ts';
import { INBOX_QUERY, inboxFilter } from '../../console/inbox-filter.ts';
import { scopeOf } from '../../console/scope.ts';
import { clientIp } from '../../http/client-ip.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { validQuery } from '../../http/validate.ts';
import { requestLog } from '../../ops/log-errors.ts';
import type { ConsoleEnv } from '../../sessions/context.ts';
import { periodQuery, reportRequest, weekQuery } from '../report-request.ts';
import { toCsv } from './csv.ts';
import { inboxReport } from './inbox-table.ts';
import { filterWords } from './inbox-words.ts';
import { monthlyTables } from './monthly-tables.ts';
import { streamedFile } from './stream-download.ts';
import type { ReportFile } from './table.ts';
import { weeklyTables } from './weekly-tables.ts';

type Department = { id: string; name: string } | null;

/** The report builders (server/reports/weekly-control.ts, monthly-analysis.ts), bound to the database and clock. */
export interface ReportBuilders {
  weekly(period: Period, department: Department): Promise<WeeklyControl>;
  monthly(period: Period, department: Department): Promise<MonthlyAnalysis>;
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Format = keyof typeof TYPES;

/** A report as a download: never shown in the browser, never sniffed, never cached. */
async function download(c: Context<ConsoleEnv>, report: ReportFile, format: Format) {
  // exceljs loads on the first XLSX asked for (stream-download.ts says why).
  const body = format === 'csv' ? toCsv(report) : await (await import('./xlsx.ts')).toXlsx(report);
  return c.body(new Uint8Array(body), 200, {
    ...fileHeaders(report.name, format),
    'Content-Length': String(body.byteLength),
  });
}

/** A download's headers; a streamed one has no length, its end is the chunked transfer's. */
const fileHeaders = (name: string, format: Format) => ({
  'Content-Type': TYPES[format],
  'Content-Disposition': contentDisposition(`${name}.${format}`),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
});

/**
 * The reports as files, to mount at /api/admin/reports behind the session: `GET /weekly.csv|xlsx
 * ?week=&department=`, `GET /monthly.csv|xlsx?period=&department=` and `GET /inbox.csv|xlsx` with
 * the inbox's filter. Every role may download them; a handler gets his department's figures and
 * rows only. Every file is written to the audit log (the inbox's and the weekly overdue list's name clients).
 * @example app.route('/reports', reportExportRoutes(deps, { weekly: (p, d) => weeklyControl(db, clock.now(), p, d), … }))
 */
export function reportExportRoutes(deps: ConsoleDeps, build: ReportBuilders) {
  const app = new Hono<ConsoleEnv>();
  // Once a file's headers are out onError can't answer a failure: it is logged, the stream aborted.
  const failed = requestLog(deps.logger);
  const audit = (c: Context<ConsoleEnv>, report: string, format: Format, details: Record<string, unknown>) =>
    recordAudit(deps.db, deps.clock, {
      user: { id: c.var.user.id, email: c.var.user.email },
      action: 'report.export',
      details: { report, format, ...details },
      ip: clientIp(c, deps.config.trustProxy),
    });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/weekly.${format}`, weekQuery, async (c) => {
      const q = c.req.valid('query');
      const { period, department } = await reportRequest(c, deps.db, q.week, q.department);
      const control = await build.weekly(period, department);
      await audit(c, 'weekly', format, {
        period: period.key,
        department: department?.id ?? null,
        overdue: control.overdue.length,
      });
      return download(c, weeklyTables(control, deps.config.publicUrl), format);
    });

    app.get(`/monthly.${format}`, periodQuery, async (c) => {
      const q = c.req.valid('query');
      const { period, department } = await reportRequest(c, deps.db, q.period, q.department);
      const analysis = await build.monthly(period, department);
      // Figures only, no client: written all the same, so that «Выгрузка отчётов» lists every report taken away.
      await audit(c, 'monthly', format, { period: period.key, department: department?.id ?? null });
      return download(c, monthlyTables(analysis), format);
    });

    app.get(`/inbox.${format}`, validQuery(INBOX_QUERY), async (c) => {
      const now = deps.clock.now();
      const query = c.req.valid('query');
      const filter = inboxFilter(query, now);
      const report = inboxReport(
        deps.db,
        scopeOf(c.var.user),
        filter,
        now,
        undefined,
        await filterWords(deps.db, query),
      );
      // Written when the last row is, with their count; a download cut short is audited too, with what it got.
      const finish = (rows: number, complete: boolean) =>
        audit(c, 'inbox', format, { filter, rows, ...(!complete && { incomplete: true }) });
      return c.body(
        streamedFile(report, format, finish, (err) => failed(c, 'error', 'file export failed after its headers', err)),
        200,
        fileHeaders(report.name, format),
      );
    });
  }
  return app;
}
