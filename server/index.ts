import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { startApp } from './app.ts';
import { firstAdminHint } from './users/first-admin-hint.ts';
import { systemClock } from './clock.ts';
import { type Db, dbKind, openDb } from './db/connection.ts';
import { SchemaNewerError } from './db/migrate.ts';
import { seedDemoDirectory } from './directory/demo-seed.ts';
import { type Config, ConfigError, loadConfig, withEnvFile } from './env.ts';
import { createReminderScheduler } from './complaints/reminders.ts';
import { createOutboxWorker } from './mail/outbox-worker.ts';
import { createMailTransport } from './mail/transport.ts';
import { applyServerTimeouts } from './http/server-timeouts.ts';
import { sweepUploadsRegularly, uploadsOutlivedAfter, uploadsRoot } from './http/upload-dir.ts';
import { buildState } from './ops/build-check.ts';
import { closeServer } from './ops/graceful-shutdown.ts';
import { componentLog, createLogger, type Logger, logDestination } from './ops/logger.ts';
import { createMetrics } from './ops/metrics.ts';
import { createRetentionScheduler } from './privacy/scheduler.ts';
import { createDigestScheduler } from './reports/digest/scheduler.ts';
import { weeklyControl } from './reports/weekly-control.ts';
import { defencesOffWarning } from './abuse/switches-warning.ts';
import { keepFilesPrivate } from './ops/private-files.ts';
import { openForStart } from './ops/database-start.ts';

/** How long a SIGTERM waits for requests in progress before cutting them off (systemd's TimeoutStopSec is longer). */
const DRAIN_MS = 10_000;
/**
 * How long a stop waits for the e-mail being sent, after the requests and a scheduler's round in
 * progress: with DRAIN_MS, within the 30 s systemd and Docker give before SIGKILL unless that round
 * is a long one (deploy/otklik.service, README «Deployment»).
 */
const MAIL_STOP_MS = 15_000;

async function main(logger: Logger) {
  keepFilesPrivate();
  const config = loadConfig();
  logger.level = config.logLevel;
  const log = logger.child({ component: 'server' });
  const defencesOff = defencesOffWarning(config);
  if (defencesOff) log.warn(defencesOff);
  const build = buildState();
  if (build.missing.length > 0)
    throw new ConfigError(
      `the widgets and the console are not built (${build.missing.join(', ')} missing): run \`npm run build\` once, then \`npm run serve\` (\`npm start\` does both)`,
    );
  if (build.newerSource)
    log.warn(
      `${build.newerSource} changed after the last build: run \`npm run build\`, or the widgets and the console are served as they were`,
    );
  const { db, ran, rewritten } = await openForStart(config, connectionLost(logger));
  if (ran.length > 0) log.info({ migrations: ran }, `${ran.length} migration(s) applied`);
  if (rewritten) log[rewritten.rewritten ? 'info' : 'warn'](rewritten.text);
  if (config.demo && (await seedDemoDirectory(db, systemClock)))
    log.info('Demo directory added: employees ivanov, petrova, sidorov; the delivery rating.');

  const metrics = createMetrics(db, systemClock, { processMetrics: true });
  const mailDb = outboxConnection(db, config, logger);
  const worker = createOutboxWorker({
    db: mailDb,
    transport: createMailTransport(config),
    clock: systemClock,
    config,
    leaseMs: config.outboxLeaseMs,
    backoff: { baseMs: config.outboxRetryMs },
    log: componentLog(logger, 'outbox'),
    warn: componentLog(logger, 'outbox', 'warn'),
    onDelivered: metrics.mailDelivered,
  });
  const reminders = createReminderScheduler({
    db,
    clock: systemClock,
    config,
    onMailQueued: () => worker.kick(),
    log: componentLog(logger, 'reminders'),
    warn: componentLog(logger, 'reminders', 'warn'),
  });
  const retention = createRetentionScheduler({
    db,
    clock: systemClock,
    retentionDays: config.retentionDays,
    mail: config,
    log: componentLog(logger, 'retention'),
    warn: componentLog(logger, 'retention', 'warn'),
  });
  const digest = createDigestScheduler({
    db,
    clock: systemClock,
    config,
    build: (week) => weeklyControl(db, systemClock.now(), week, null),
    onMailQueued: () => worker.kick(),
    log: componentLog(logger, 'digest'),
    warn: componentLog(logger, 'digest', 'warn'),
  });
  const app = await startApp({ db, config, clock: systemClock, onMailQueued: () => worker.kick(), metrics, logger });

  const server = serve(
    { fetch: app.fetch, port: config.port, ...(config.host && { hostname: config.host }) },
    (info) => {
      const base = config.publicUrl ?? `http://localhost:${info.port}`;
      // One line a person can read and a log collector can parse: the address first (test/support/server-process.ts reads it).
      // The port too: several instances behind one PUBLIC_URL name the same address.
      const where = `port ${info.port}, database: ${dbKind(db) === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}, mail: ${config.mailTransport}${config.mailTransport === 'file' ? ` → ${config.dataDir}/mail/` : ''}`;
      const links = [
        config.demo ? `demo site ${base}/demo/` : null,
        `hosted form ${base}/f`,
        config.demo ? `rating page ${base}/r/ivanov?score=5, signature ${base}/s/ivanov` : null,
        `console ${base}/admin/`,
        `embed <script src="${base}/embed.js" async></script> <otklik-feedback></otklik-feedback>`,
      ].filter(Boolean);
      log.info({ url: base, port: info.port }, `Otklik is running on ${base} (${where}):\n  ${links.join('\n  ')}`);
      // In production the e-mails' links to the console would lead to this machine's own address:
      // said as a warning, which LOG_LEVEL=warn keeps.
      if (!config.publicUrl)
        (config.production ? log.warn.bind(log) : log.info.bind(log))(
          `PUBLIC_URL is not set: e-mails link to ${base}; pages and signatures use the address each request came to. Set it to the address clients reach.`,
        );
      void firstAdminHint(db, `${base}/admin/`).then((hint) => {
        if (hint) log.warn(hint.replace(/\s*\n\s*/g, ' ').trim());
      });
    },
  );

  // The port first: a port in use stops the start before the outbox claims any e-mail or a scheduler runs.
  await listening(server as Server, config.port, config.host);
  worker.start();
  reminders.start();
  retention.start();
  if (config.digest) digest.start();
  applyServerTimeouts(server as Server, config);
  const stopSweeping = sweepUploadsRegularly(uploadsRoot(config.dataDir), systemClock, uploadsOutlivedAfter(config));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: no new connections; finishing requests in progress (up to ${DRAIN_MS / 1000} s)`);
    const drained = await closeServer(server as Server, DRAIN_MS);
    if (!drained) log.warn('requests still in progress were cut off');
    stopSweeping();
    // Schedulers first, so none queues mail after the worker's last round; the worker finishes the send it is in.
    await Promise.all([reminders.stop(), retention.stop(), digest.stop()]);
    await worker.stop(MAIL_STOP_MS);
    if (mailDb !== db) await mailDb.destroy();
    await db.destroy();
    log.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Resolves once the server listens; a port it can't take (in use, not allowed) stops the start
 * naming PORT, an address not this machine's naming HOST.
 */
function listening(server: Server, port: number, host: string | undefined): Promise<void> {
  if (server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const refused = (err: Error & { code?: string }) =>
      reject(
        new ConfigError(
          err.code === 'EADDRNOTAVAIL' && host
            ? `HOST: cannot listen on ${host} (${err.message}): it is not an address of this machine — set HOST to one of its addresses, or leave it out to listen on all`
            : `PORT: cannot listen on port ${port} (${err.message})${err.code === 'EADDRINUSE' ? ': another program uses it — stop it, or set PORT to a free port' : ''}`,
          // A port in use may be the instance before this one, still stopping.
          { transient: err.code !== 'EADDRNOTAVAIL' },
        ),
      );
    server.once('error', refused);
    // Only the start's: a later error of the server (out of file descriptors) stays Node's, which stops the process.
    server.once('listening', () => {
      server.off('error', refused);
      resolve();
    });
  });
}

/**
 * The outbox worker's own connections on PostgreSQL: under a burst of submissions the pool is
 * busy with their transactions, and a worker queued behind them let e-mails wait seconds
 * (issue 12: submission → provider p99 2.3 s). Two connections: a claim and a send's marks.
 * SQLite has one connection for everything, and its worker needs no other.
 */
function outboxConnection(db: Db, config: Config, logger: Logger): Db {
  if (dbKind(db) !== 'postgres' || !config.databaseUrl) return db;
  return openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    onConnectionLost: connectionLost(logger),
  }).db;
}

/** A lost PostgreSQL connection, as a warning: the pool opens another when next asked. */
function connectionLost(logger: Logger): (err: Error) => void {
  const log = logger.child({ component: 'database' });
  return (err) => log.warn(`a database connection was lost (${err.message}); a new one is opened when needed`);
}

/** The environment the log's format is read from before the configuration: with the .env file's LOG_FORMAT. */
function logEnv(): NodeJS.ProcessEnv {
  try {
    return withEnvFile(process.env);
  } catch {
    return process.env; // an unreadable .env: loadConfig says so, through this logger
  }
}

/**
 * sysexits' EX_CONFIG: a start that can't succeed until someone changes a setting, a file's owner
 * or the code (not a port or a PostgreSQL that may come free: those exit 1); deploy/otklik.service doesn't restart after it (RestartPreventExitStatus), where
 * restarting every 5 s forever hid the message among the same lines.
 */
const EXIT_CONFIG = 78;

const logger = createLogger('info', logDestination(logEnv(), process.stdout.isTTY === true));
main(logger).catch((err) => {
  const stated = err instanceof ConfigError || err instanceof SchemaNewerError;
  if (stated) logger.fatal(err.message);
  else {
    // A URL that failed to parse carries it whole (`input`), a password with it: not logged.
    if (err && typeof err === 'object' && 'input' in err) delete (err as { input?: unknown }).input;
    logger.fatal({ err }, 'the server could not start');
  }
  logger.flush();
  process.exit(stated && !(err instanceof ConfigError && err.transient) ? EXIT_CONFIG : 1);
});
