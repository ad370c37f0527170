import type SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';
import {
  type BusyRetryPolicy,
  DEFAULT_BUSY_RETRY,
  isSqliteBusy,
  type RetryTimer,
  realTimer,
  retryWhileBusy,
} from './busy-retry.ts';
import { type CommitWork, CommitGroup } from './group-commit.ts';
import { Mutex } from './mutex.ts';
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
 *
 * Migrations run in one transaction, as on PostgreSQL: SQLite's schema changes are transactional,
 * though Kysely's adapter says not, and a migration that copies a table and drops its columns,
 * stopped half-way, left a file no later start could migrate («table … already exists»).
 */
export class RetryingSqliteDialect extends SqliteDialect {
  readonly #file: SqliteDatabase.Database;
  readonly #policy: BusyRetryPolicy;
  readonly #timer: RetryTimer;
  readonly #beforeCommit: CommitWork | undefined;

  /** `beforeCommit`: work every transaction leaves to be done just before its COMMIT. */
  constructor(
    file: SqliteDatabase.Database,
    options: { policy?: Partial<BusyRetryPolicy>; timer?: RetryTimer; beforeCommit?: CommitWork } = {},
  ) {
    super({ database: file });
    this.#file = file;
    this.#policy = { ...DEFAULT_BUSY_RETRY, ...options.policy };
    this.#timer = options.timer ?? realTimer;
    this.#beforeCommit = options.beforeCommit;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }

  override createDriver(): Driver {
    return new RetryingSqliteDriver(this.#file, this.#policy, this.#timer, this.#beforeCommit);
  }
}

class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class RetryingSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: RetryingConnection;
  readonly #group: CommitGroup;

  constructor(
    private readonly file: SqliteDatabase.Database,
    policy: BusyRetryPolicy,
    timer: RetryTimer,
    beforeCommit: CommitWork | undefined,
  ) {
    this.#group = new CommitGroup(file, beforeCommit);
    this.#connection = new RetryingConnection(file, this.#mutex, this.#group, policy, timer);
  }

  async init(): Promise<void> {}

  // SQLite has one connection: the mutex makes callers take turns on it, each through a lease.
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return new Lease(this.#connection);
  }

  async beginTransaction(): Promise<void> {
    await this.#connection.attempt(() => this.#group.join());
  }

  // The connection is handed back before the group's COMMIT, so that the next transactions can
  // join it; the caller's commit still waits for the COMMIT.
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const durable = this.#group.leave();
    this.releaseConnection(connection);
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // Handed back at commit: the group's COMMIT failed, and took this member with it.
    if ((connection as Lease).released) return;
    this.#group.undo(this.#connection.lastError);
  }

  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`SAVEPOINT ${quote(name)}`));
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    if (this.file.inTransaction) await c.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${quote(name)}`));
  }

  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`RELEASE ${quote(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return;
    lease.released = true;
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.#group.flush();
    this.file.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One turn on the connection: used after it was handed back, it refuses rather than trespass. */
class Lease implements DatabaseConnection {
  released = false;

  constructor(private readonly connection: RetryingConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.released) return Promise.reject(new Error('SQLite connection used after it was handed back'));
    return this.connection.executeQuery(query);
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.connection.streamQuery(query);
  }
}

class RetryingConnection implements DatabaseConnection {
  readonly #statements: StatementCache;
  /** The last error a statement ended with: what ended a transaction SQLite rolled back by itself. */
  lastError: unknown;

  constructor(
    private readonly file: SqliteDatabase.Database,
    private readonly mutex: Mutex,
    private readonly group: CommitGroup,
    private readonly policy: BusyRetryPolicy,
    private readonly timer: RetryTimer,
  ) {
    this.#statements = new StatementCache(file);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let wroteOutside = false;
    const result = await this.attempt(() => {
      // A statement outside any transaction is acknowledged when it returns: committed first.
      if (this.group.openIdle) this.group.flush();
      const statement = this.#statements.get(query.sql);
      const rows = runStatement<R>(statement, query);
      wroteOutside = !statement.readonly && !this.file.inTransaction;
      return rows;
    });
    // Apart, so that a retry of it never runs the write again. The write is stored whatever
    // happens here: a file locked past the budget leaves the work queued for the next COMMIT
    // (a queued submission is in neither search index, and the next commit indexes it).
    if (wroteOutside)
      await this.attempt(() => this.group.finishOutside()).catch((err) => {
        if (!isSqliteBusy(err)) throw err;
      });
    return result;
  }

  /** Runs `work` until the file is not locked or the retry budget is spent. */
  attempt<T>(work: () => T): Promise<T> {
    const run = () => {
      try {
        return work();
      } catch (err) {
        this.lastError = err;
        throw err;
      }
    };
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
    if (this.group.openIdle) this.group.flush();
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
