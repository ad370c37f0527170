import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';
import { UsageError } from '../directory/cli-commands.ts';
import { readCalendarFile } from './calendar-file.ts';
import { importCalendarDays, listCalendarDays, loadCalendar } from './calendar-store.ts';
import {
  addWorkingDays,
  addWorkingHours,
  formatInstant,
  MAX_WORKING_DAYS,
  MAX_WORKING_HOURS,
  type WorkingCalendar,
} from './working-time.ts';

/** An instant with its offset: a time without one would be read in whatever zone the shell has. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A warning for each year between two instants whose production calendar doesn't ship. */
async function missingYears(db: Db, cal: WorkingCalendar, from: Date, to: Date): Promise<string[]> {
  const year = (d: Date) => Number(formatInstant(cal.timeZone, d).slice(0, 4));
  const warnings: string[] = [];
  for (let y = year(from); y <= year(to); y++) {
    if (cal.hasData(y)) continue;
    const entered = (await listCalendarDays(db, `${y}-01-01`, `${y}-12-31`)).length;
    const counted = `weekends, the Labour Code's holidays${entered > 0 ? ` and the ${entered} day(s) entered` : ''}`;
    warnings.push(
      `Warning: the production calendar for ${y} is not loaded; ${counted} count as days off, ` +
        `without the decree's moves (npm run cli -- calendar import FILE adds them).`,
    );
  }
  return warnings;
}

/**
 * `calendar deadline --from <ISO instant> (--working-hours N | --working-days N)`: the deadline
 * as an instant with the company's offset, and a warning per year the calendar doesn't know.
 */
export async function calendarDeadline(db: Db, args: string[]): Promise<{ deadline: string; warnings: string[] }> {
  const { values: o, positionals } = parseArgs({
    args,
    options: { from: { type: 'string' }, 'working-hours': { type: 'string' }, 'working-days': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!o.from) throw new UsageError('--from is required: an ISO instant such as 2026-02-20T17:30:00+03:00');
  const from = new Date(o.from);
  if (!INSTANT.test(o.from) || Number.isNaN(from.getTime()))
    throw new UsageError(`--from must be an ISO instant with its offset, such as 2026-02-20T17:30:00+03:00`);
  const hours = o['working-hours'];
  const days = o['working-days'];
  if ((hours === undefined) === (days === undefined))
    throw new UsageError('give either --working-hours N or --working-days N');
  const cal = await loadCalendar(db);
  let due: Date;
  if (hours !== undefined) {
    const n = Number(hours);
    if (!/^\d+(\.\d+)?$/.test(hours) || n > MAX_WORKING_HOURS)
      throw new UsageError(`--working-hours must be a number from 0 to ${MAX_WORKING_HOURS}`);
    due = addWorkingHours(cal, from, n);
  } else {
    const n = Number(days);
    if (!/^\d+$/.test(days!) || n > MAX_WORKING_DAYS)
      throw new UsageError(`--working-days must be a whole number from 0 to ${MAX_WORKING_DAYS}`);
    due = addWorkingDays(cal, from, n);
  }
  return { deadline: formatInstant(cal.timeZone, due), warnings: await missingYears(db, cal, from, due) };
}

/**
 * `calendar import FILE`: JSON or CSV of days with their types. A file with a bad line imports
 * nothing, so a year is never half entered; each bad line is reported by its number.
 */
export async function calendarImport(db: Db, clock: Clock, args: string[]): Promise<{ text: string; failed: boolean }> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('name one file: calendar import FILE (.json or .csv)');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const report = readCalendarFile(fs.readFileSync(file, 'utf8'));
  if (report.errors.length > 0) {
    const lines = report.errors.map((e) => `  line ${e.line}: ${e.problems.join('; ')}`);
    return { text: [`Nothing imported: ${report.errors.length} bad line(s).`, ...lines].join('\n'), failed: true };
  }
  if (report.days.length === 0) return { text: 'The file holds no days: nothing imported.', failed: true };
  const r = await importCalendarDays(db, clock, 'cli', report.days, path.basename(file));
  return {
    text: `Calendar imported: ${r.added} day(s) added, ${r.changed} changed, ${r.unchanged} already so.`,
    failed: false,
  };
}
