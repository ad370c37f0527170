import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from 'kysely';
import { type BusyRetryPolicy, DEFAULT_BUSY_RETRY, type RetryTimer, realTimer, retryWhileBusy } from './busy-retry.ts';
import { StatementCache } from './statement-cache.ts';

/**
 * Kysely's SQLite dialect with a driver that never waits for a lock on the event loop.
 * better-sqlite3 is synchronous: with a long `busy_timeout`, a lock held by another process (the
 * CLI, a backup) froze every request, even pages that never touch the database (issue 14 §5).
 * Here the file's `busy_timeout` is short, and a statement that meets SQLITE_BUSY is tried again
 * on timers, with the connection given back meanwhile, until the policy's budget is spent.
 *
 * Transactions begin IMMEDIATE: the write lock is taken (or waited for) at BEGIN, where a retry is
 * clean, never half-way through, where SQLite could only give up. A ROLLBACK after SQLite has
 * already rolled back by itself (SQLITE_FULL, SQLITE_IOERR) is skipped, so the real error is the
 * one thrown, not «cannot rollback - no transaction is active».
 */
export class RetryingSqliteDialect extends SqliteDialect {
  readonly #file: SqliteDatabase.Database;
  readonly #policy: BusyRetryPolicy;
  readonly #timer: RetryTimer;

  constructor(file: SqliteDatabase.Database, options: { policy?: Partial<BusyRetryPolicy>; timer?: RetryTimer } = {}) {
    super({ database: file });
    this.#file = file;
    this.#policy = { ...DEFAULT_BUSY_RETRY, ...options.policy };
    this.#timer = options.timer ?? realTimer;
  }

  override createDriver(): Driver {
    return new RetryingSqliteDriver(this.#file, this.#policy, this.#timer);
  }
}

class RetryingSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: RetryingConnection;

  constructor(
    private readonly file: SqliteDatabase.Database,
    policy: BusyRetryPolicy,
    timer: RetryTimer,
  ) {
    this.#connection = new RetryingConnection(file, this.#mutex, policy, timer);
  }

  async init(): Promise<void> {}

  // SQLite has one connection: the mutex makes callers take turns on it.
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    await this.#connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(): Promise<void> {
    await this.#connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(): Promise<void> {
    if (this.file.inTransaction) await this.#connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async savepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.#connection.executeQuery(CompiledQuery.raw(`SAVEPOINT ${quote(name)}`));
  }

  async rollbackToSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    if (this.file.inTransaction) await this.#connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${quote(name)}`));
  }

  async releaseSavepoint(_c: DatabaseConnection, name: string): Promise<void> {
    await this.#connection.executeQuery(CompiledQuery.raw(`RELEASE ${quote(name)}`));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.file.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

class RetryingConnection implements DatabaseConnection {
  readonly #statements: StatementCache;

  constructor(
    private readonly file: SqliteDatabase.Database,
    private readonly mutex: Mutex,
    private readonly policy: BusyRetryPolicy,
    private readonly timer: RetryTimer,
  ) {
    this.#statements = new StatementCache(file);
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const run = () => runStatement<R>(this.#statements.get(query.sql), query);
    // Inside a transaction the lock is already held (BEGIN IMMEDIATE) and the connection must stay
    // ours; outside one, it is lent to other requests while this statement waits.
    if (this.file.inTransaction) return retryWhileBusy(run, this.policy, this.timer);
    return retryWhileBusy(run, this.policy, this.timer, async (sleep) => {
      this.mutex.unlock();
      try {
        await sleep;
      } finally {
        await this.mutex.lock();
      }
    });
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('Sqlite driver only supports streaming of select queries');
    const statement = this.file.prepare(query.sql);
    for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}

function runStatement<R>(statement: SqliteDatabase.Statement, query: CompiledQuery): QueryResult<R> {
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** Kysely's own: one holder at a time, waiters in turn. */
class Mutex {
  #promise: Promise<void> | undefined;
  #resolve: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = undefined;
    this.#resolve = undefined;
    resolve?.();
  }
}
