import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '../env.ts';

export type { Logger } from 'pino';

/**
 * The server's one logger: JSON lines on stdout through pino's own destination (asynchronous),
 * or readable lines on a terminal (logDestination). Each part of the server logs through a child
 * with its `component` (outbox, reminders, http, …).
 * @example const log = createLogger('info'); log.child({ component: 'outbox' }).info('3 e-mail(s) sent')
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Where the server's log goes: JSON lines, or on a terminal (someone trying `npm start`) the same
 * lines made readable by pino-pretty — time, level, component, message — unless LOG_FORMAT says
 * otherwise. Read before the configuration, whose own errors must be logged.
 * @example createLogger('info', logDestination(process.env, process.stdout.isTTY))
 */
export function logDestination(
  env: NodeJS.ProcessEnv,
  tty: boolean,
  /** Where readable lines go; stdout by default. */
  out?: NodeJS.WritableStream,
): pino.DestinationStream | undefined {
  // Empty, as .env.example leaves it, is unset: the guess by the terminal.
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (tty ? 'pretty' : 'json');
  if (format !== 'pretty') return undefined;
  // Synchronous: the last lines before process.exit (a fatal configuration error) are not lost.
  return pretty({
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,component,reqId,method,route,status,ms,url',
    messageFormat: readable,
    sync: true,
    ...(out && { destination: out }),
  });
}

/** A log line's message on a terminal: its component first, a request as one line. */
function readable(line: Record<string, unknown>): string {
  const from = line.component ? `${line.component}: ` : '';
  if (line.msg !== 'request') return `${from}${line.msg}`;
  return `${from}${line.method} ${line.route} → ${line.status} (${line.ms} ms)`;
}

/** A `log: (message) => void` callback, as the workers and schedulers take, writing lines of one component (info by default). */
export function componentLog(
  logger: Logger,
  component: string,
  level: 'info' | 'warn' = 'info',
): (message: string) => void {
  const child = logger.child({ component });
  return (message) => child[level](message);
}

/**
 * A failure the server goes on after: a line of its component in the server's log, or without a
 * log (tests) on stderr.
 * @example logFailure(deps.logger, 'abuse', err, 'pruning failed')
 */
export function logFailure(
  logger: Logger | undefined,
  component: string,
  err: unknown,
  message: string,
  level: 'warn' | 'error' = 'error',
): void {
  if (logger) logger.child({ component })[level]({ err }, message);
  else console.error(`[${component}] ${message}: ${err instanceof Error ? err.message : String(err)}`);
}
