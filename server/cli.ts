import { systemClock } from './clock.ts';
import { openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ConfigError, loadConfig } from './env.ts';
import { exportSubmissions } from './feedback/export.ts';
import { retryFailedOutbox } from './mail/outbox-store.ts';

const USAGE = `Usage: npm run cli -- <command>

  migrate          bring the database schema up to date
  export           print every submission as one JSON object a line (backups, personal-data requests)
  outbox retry     queue the e-mails that failed for sending again

Configuration comes from the same environment variables as the server (see .env.example).`;

async function main(args: string[]): Promise<number> {
  const command = args.join(' ');
  if (!['migrate', 'export', 'outbox retry'].includes(command)) {
    console.error(args.length === 0 || command === 'help' || command === '--help' ? USAGE : `Unknown command: ${command}\n\n${USAGE}`);
    return args.length === 0 || command === 'help' || command === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  const { db } = openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const ran = await migrateToLatest(db);
    if (command === 'migrate') {
      console.error(ran.length > 0 ? `Applied: ${ran.join(', ')}` : 'The schema is up to date.');
    } else if (command === 'export') {
      for await (const row of exportSubmissions(db)) {
        if (!process.stdout.write(JSON.stringify(row) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
      }
    } else {
      const n = await retryFailedOutbox(db, systemClock);
      console.error(`${n} e-mail(s) queued again; the running server sends them shortly.`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
