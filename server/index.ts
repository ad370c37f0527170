import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { startApp } from './app.ts';
import { firstAdminHint } from './users/first-admin-hint.ts';
import { systemClock } from './clock.ts';
import { dbKind, openDb } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemoDirectory } from './directory/demo-seed.ts';
import { ConfigError, loadConfig } from './env.ts';
import { createReminderScheduler } from './complaints/reminders.ts';
import { createOutboxWorker } from './mail/outbox-worker.ts';
import { createMailTransport } from './mail/transport.ts';
import { applyServerTimeouts } from './http/server-timeouts.ts';
import { sweepUploads, uploadsRoot } from './http/upload-dir.ts';
import { createRetentionScheduler } from './privacy/scheduler.ts';
import { createDigestScheduler } from './reports/digest/scheduler.ts';
import { weeklyControl } from './reports/weekly-control.ts';
import { defencesOffWarning } from './abuse/switches-warning.ts';

async function main() {
  const config = loadConfig();
  const defencesOff = defencesOffWarning(config);
  if (defencesOff) console.warn(defencesOff);
  const { db } = openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
  });
  const ran = await migrateToLatest(db);
  if (ran.length > 0) console.log(`Migrations applied: ${ran.join(', ')}`);
  if (config.demo && (await seedDemoDirectory(db, systemClock)))
    console.log('Demo directory added: employees ivanov, petrova, sidorov; the delivery rating.');

  const worker = createOutboxWorker({
    db,
    transport: createMailTransport(config),
    clock: systemClock,
    config,
    leaseMs: config.outboxLeaseMs,
    backoff: { baseMs: config.outboxRetryMs },
    log: (m) => console.log(`[outbox] ${m}`),
  });
  worker.start();
  const reminders = createReminderScheduler({
    db,
    clock: systemClock,
    config,
    onMailQueued: () => worker.kick(),
    log: (m) => console.log(`[reminders] ${m}`),
  });
  reminders.start();
  const retention = createRetentionScheduler({
    db,
    clock: systemClock,
    retentionDays: config.retentionDays,
    log: (m) => console.log(`[retention] ${m}`),
  });
  retention.start();
  const digest = createDigestScheduler({
    db,
    clock: systemClock,
    config,
    build: (week) => weeklyControl(db, systemClock.now(), week, null),
    onMailQueued: () => worker.kick(),
    log: (m) => console.log(`[digest] ${m}`),
  });
  if (config.digest) digest.start();
  const app = await startApp({ db, config, clock: systemClock, onMailQueued: () => worker.kick() });

  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const base = config.publicUrl ?? `http://localhost:${info.port}`;
    console.log(
      `Otklik is running on ${base} (database: ${dbKind(db) === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}, mail: ${config.mailTransport}${config.mailTransport === 'file' ? ` → ${config.dataDir}/mail/` : ''})`,
    );
    if (!config.publicUrl)
      console.log('  PUBLIC_URL is not set: signature and e-mail links use the address each request came to.');
    if (config.demo) console.log(`  Demo site:   ${base}/demo/`);
    console.log(`  Hosted form: ${base}/f`);
    if (config.demo) console.log(`  Rating page: ${base}/r/ivanov?score=5 · signature: ${base}/s/ivanov`);
    console.log(`  Embed:       <script src="${base}/embed.js" async></script> <otklik-feedback></otklik-feedback>`);
    console.log(`  Console:     ${base}/admin/`);
    void firstAdminHint(db, `${base}/admin/`).then((hint) => {
      if (hint) console.log(hint);
    });
  });

  applyServerTimeouts(server as Server);
  void sweepUploads(uploadsRoot(config.dataDir), 3_600_000, systemClock.now());

  const shutdown = async () => {
    server.close();
    await reminders.stop();
    await retention.stop();
    await digest.stop();
    await worker.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
