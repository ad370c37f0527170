import { type Logger, pino } from 'pino';
import type { LogLevel } from '../env.ts';

export type { Logger } from 'pino';

/**
 * The server's one logger: JSON lines on stdout through pino's own destination (asynchronous,
 * no pretty-printing in the process — pipe it through `pino-pretty` to read it by eye). Each
 * part of the server logs through a child with its `component` (outbox, reminders, http, …).
 * @example const log = createLogger('info'); log.child({ component: 'outbox' }).info('3 e-mail(s) sent')
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** A `log: (message) => void` callback, as the workers and schedulers take, writing info lines of one component. */
export function componentLog(logger: Logger, component: string): (message: string) => void {
  const child = logger.child({ component });
  return (message) => child.info(message);
}
