// Times the console inbox and the reports of issue 11 over a million submissions of three years
// (2024–2026) with their complaints' steps and classifications, on SQLite and (with DATABASE_URL)
// on PostgreSQL, through the same query functions the API uses. Prints figures; not a test.
//
//   npx tsx scripts/bench-inbox.ts [--rows 1000000] [--runs 7] [--report-runs 3] [--reuse] [--keep]
//                                  [--only sqlite|postgres] [--skip-inbox]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx scripts/bench-inbox.ts
//
// The data (scripts/bench-data/) is written in bulk past the API, under the real migrations: the
// submissions under the schema as it was before the search migrations, which then run on the full
// table as on an installation upgrading with a million rows; the complaints after. The SQLite file
// lives in DATA_DIR (or the temporary folder) as otklik-bench-<rows>/; --reuse keeps it, and a named
// PostgreSQL schema, for the next run, which reuses them when they were filled the same way.
import { parseArgs } from 'node:util';
import { type BenchDb, NOW, openPostgres, openSqlite } from './bench-data/databases.ts';
import { inboxTimings } from './bench-data/inbox-timings.ts';
import { reportTimings } from './bench-data/report-timings.ts';
import { printTimings } from './bench-data/timing.ts';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    'report-runs': { type: 'string', default: '3' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    'skip-inbox': { type: 'boolean', default: false },
  },
});
const options = { rows: Number(opts.rows), reuse: opts.reuse, keep: opts.keep };

async function bench(title: string, open: () => Promise<BenchDb>) {
  const b = await open();
  try {
    if (!opts['skip-inbox'])
      printTimings(`${title}: inbox`, await inboxTimings(b.db, b.department, NOW, Number(opts.runs)));
    const reports = await reportTimings(b.db, b.department, NOW, Number(opts['report-runs']));
    if (reports) printTimings(`${title}: reports`, reports);
    else
      console.log(
        `\n${title}: reports skipped (server/reports/weekly-control.ts and monthly-analysis.ts not here yet)`,
      );
  } finally {
    await b.close();
  }
}

if (opts.only !== 'postgres') await bench('SQLite', () => openSqlite(options));
if (opts.only !== 'sqlite') {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) await bench('PostgreSQL', () => openPostgres(url, options));
  else console.log('\nPostgreSQL skipped: set DATABASE_URL=postgres://… to measure it too.');
}
