import type SqliteDatabase from 'better-sqlite3';

/** Members of one group are committed together at the latest after this many. */
const MAX_MEMBERS = 64;

/**
 * Work a transaction leaves to be done just before its COMMIT, once for the whole group (SQLite's
 * search indexes, server/search/search-queue.ts).
 */
export interface CommitWork {
  /** Whether there is any: asked after a write outside any transaction. */
  due(): boolean;
  /** Does it in the open transaction; throwing fails the transaction. */
  run(): void;
}

/**
 * Group commit for the one SQLite connection: transactions that follow each other within one turn
 * of the event loop share one SQLite transaction, each in a savepoint of its own, and one COMMIT
 * makes them all durable. A commit's fixed cost (the WAL write, the full-text indexes' segments,
 * the fsync under SQLITE_SYNCHRONOUS=FULL) was most of a submission's (issue 12 «Speed»); shared,
 * it is paid once per group. Nothing changes for the caller: its transaction still runs alone (the
 * driver's mutex), its rollback undoes only its own savepoint, and its commit resolves only once
 * the COMMIT has returned, so no answer is given for data that is not stored. If the COMMIT fails,
 * or SQLite rolls everything back by itself (SQLITE_FULL), every member's commit fails with it.
 */
export class CommitGroup {
  #open = false;
  #memberActive = false;
  #scheduled = false;
  #pending: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  readonly #sql: Record<'begin' | 'mark' | 'release' | 'undo' | 'commit' | 'rollback', SqliteDatabase.Statement>;

  constructor(
    private readonly file: SqliteDatabase.Database,
    private readonly work?: CommitWork,
  ) {
    // One name serves every member: members never overlap, and each releases its savepoint.
    this.#sql = {
      begin: file.prepare('BEGIN IMMEDIATE'),
      mark: file.prepare('SAVEPOINT otklik_member'),
      release: file.prepare('RELEASE otklik_member'),
      undo: file.prepare('ROLLBACK TO otklik_member'),
      commit: file.prepare('COMMIT'),
      rollback: file.prepare('ROLLBACK'),
    };
  }

  /** Between members: a statement outside any transaction must not ride in the group's. */
  get openIdle(): boolean {
    return this.#open && !this.#memberActive;
  }

  /**
   * One attempt at starting a member (the caller retries it while the file is locked): the write
   * lock is taken at the group's BEGIN IMMEDIATE, as every transaction took it before.
   */
  join(): void {
    if (!this.#open) {
      this.#sql.begin.run();
      this.#open = true;
    }
    this.#sql.mark.run();
    this.#memberActive = true;
  }

  /** Ends the active member well; resolves once the group's COMMIT has returned. */
  leave(): Promise<void> {
    this.#sql.release.run();
    this.#memberActive = false;
    const durable = new Promise<void>((resolve, reject) => this.#pending.push({ resolve, reject }));
    if (this.#pending.length >= MAX_MEMBERS) this.flush();
    else this.#schedule();
    return durable;
  }

  /** Undoes the active member only; `cause` is what ended it, for the others if SQLite dropped all. */
  undo(cause: unknown): void {
    this.#memberActive = false;
    if (!this.file.inTransaction) {
      // SQLite rolled the whole transaction back by itself (a full disk, an I/O error).
      this.#open = false;
      this.#settle(cause ?? new Error('SQLite rolled back the transaction'));
      return;
    }
    this.#sql.undo.run();
    this.#sql.release.run();
    if (this.#pending.length === 0) {
      this.#sql.rollback.run();
      this.#open = false;
    } else this.#schedule();
  }

  /** Commits the group now, unless a member is half-way (its end schedules the commit again). */
  flush(): void {
    if (!this.#open || this.#memberActive) return;
    this.#open = false;
    try {
      if (!this.file.inTransaction) throw new Error('SQLite rolled back the transaction by itself');
      this.work?.run();
      this.#sql.commit.run();
      this.#settle(undefined);
    } catch (err) {
      if (this.file.inTransaction) this.#sql.rollback.run();
      this.#settle(err);
    }
  }

  /**
   * After a write outside any transaction (committed as it returned): the work it left, in a
   * transaction of its own. One attempt; the caller retries it while the file is locked. A group
   * opened meanwhile (while a retry waited) does that work at its own COMMIT.
   */
  finishOutside(): void {
    if (this.file.inTransaction || !this.work?.due()) return;
    this.#sql.begin.run();
    try {
      this.work.run();
      this.#sql.commit.run();
    } catch (err) {
      if (this.file.inTransaction) this.#sql.rollback.run();
      throw err;
    }
  }

  #settle(err: unknown) {
    const members = this.#pending;
    this.#pending = [];
    for (const m of members) err === undefined ? m.resolve() : m.reject(err);
  }

  // After the I/O phase of this turn: the requests read in it may still join.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.flush();
    });
  }
}
