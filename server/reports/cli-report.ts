import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { MonthlyAnalysis, WeeklyControl } from '../../shared/console-reports.ts';
import { type Period, parsePeriod } from '../../shared/report-periods.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { toCsv } from './export/csv.ts';
import { monthlyTables } from './export/monthly-tables.ts';
import { weeklyTables } from './export/weekly-tables.ts';
import { toXlsx } from './export/xlsx.ts';

type Department = { id: string; name: string } | null;

/** The report builders of server/reports (weekly-control.ts, monthly-analysis.ts). */
export interface CliReportBuilders {
  weekly(db: Db, now: Date, period: Period, department: Department): Promise<WeeklyControl>;
  monthly(db: Db, now: Date, period: Period, department: Department): Promise<MonthlyAnalysis>;
}

/** What a CLI command answers: a line for the operator, and whether it failed (exit code 1). */
type Outcome = { text: string; failed: boolean };

class BadArguments extends Error {}

/** The period the flags name, of the kinds the report takes. */
function periodOf(values: Record<string, string | undefined>, report: 'weekly' | 'monthly'): Period {
  const flags = report === 'weekly' ? ['week'] : ['month', 'period'];
  const given = flags.filter((f) => values[f] !== undefined);
  if (given.length !== 1) throw new BadArguments(`give ${flags.map((f) => `--${f}`).join(' or ')}`);
  const flag = given[0]!;
  const p = parsePeriod(values[flag]!.trim());
  const fits = { week: p?.kind === 'week', month: p?.kind === 'month', period: p !== null && p.kind !== 'week' }[flag];
  if (!p || !fits) {
    const form = { week: '2026-W44', month: '2026-10', period: '2026-10, 2026-Q4 or 2026' }[flag];
    throw new BadArguments(
      `--${flag} "${values[flag]}" is not a ${flag === 'period' ? 'month, quarter or year' : flag} (like ${form})`,
    );
  }
  return p;
}

function read(args: string[], report: 'weekly' | 'monthly') {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        week: { type: 'string' },
        month: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        department: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new BadArguments((err as Error).message);
  }
  const period = periodOf(values, report);
  const out = values.out?.trim();
  if (!out) throw new BadArguments('--out FILE is required');
  const format = values.format ?? /\.(csv|xlsx)$/i.exec(out)?.[1]?.toLowerCase();
  if (format !== 'csv' && format !== 'xlsx')
    throw new BadArguments(
      values.format === undefined
        ? `${out} ends in neither .csv nor .xlsx: name the file so, or give --format csv|xlsx`
        : '--format must be csv or xlsx',
    );
  return { period, out, format: format as 'csv' | 'xlsx', department: values.department?.trim() || null };
}

/**
 * `report weekly --week 2026-W44` and `report monthly --month 2026-10` (or `--period 2026-Q4`,
 * `--period 2026`), `--format csv|xlsx --out FILE [--department ID or name]`: the console's report
 * files from the shell. Bad arguments are a message and exit code 1. Without builders (a build
 * lacking the reports) every run fails, saying so.
 * @example const commands = reportCommands({ weekly: weeklyControl, monthly: monthlyAnalysis }, systemClock, config.publicUrl)
 */
export function reportCommands(build: CliReportBuilders | null, clock: Clock, publicUrl: () => string | undefined) {
  const run =
    (report: 'weekly' | 'monthly') =>
    async (ctx: { db: Db; args: string[] }): Promise<Outcome> => {
      try {
        const { period, out, format, department: asked } = read(ctx.args, report);
        const department = asked
          ? await ctx.db
              .selectFrom('departments')
              .select(['id', 'name'])
              .where((eb) => eb.or([eb('id', '=', asked), eb('name', '=', asked)]))
              .executeTakeFirst()
          : null;
        if (department === undefined) throw new BadArguments(`no department "${asked}" (give its id or name)`);
        if (!build) return { text: 'This build has no report builders: the reports are not wired in.', failed: true };
        const now = clock.now();
        const file =
          report === 'weekly'
            ? weeklyTables(await build.weekly(ctx.db, now, period, department), publicUrl())
            : monthlyTables(await build.monthly(ctx.db, now, period, department));
        const bytes = format === 'csv' ? toCsv(file) : await toXlsx(file);
        try {
          fs.writeFileSync(out, bytes);
        } catch (err) {
          throw new BadArguments(`can't write ${out}: ${(err as Error).message}`);
        }
        const scope = department ? `department ${department.name}` : 'the whole company';
        return {
          text: `Wrote ${out} (${format.toUpperCase()}, ${bytes.byteLength} bytes): ${report} report for ${period.key}, ${scope}.`,
          failed: false,
        };
      } catch (err) {
        if (err instanceof BadArguments) return { text: `report ${report}: ${err.message}`, failed: true };
        throw err;
      }
    };
  return { 'report weekly': run('weekly'), 'report monthly': run('monthly') };
}
