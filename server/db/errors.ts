/** Whether a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Whether the database refused a write because its disk (or SQLite's `max_page_count`) is full. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}

/**
 * Whether PostgreSQL ended this transaction to resolve a conflict with another (a deadlock, or a
 * serialization failure): nothing of it was stored, and the same request can succeed at once.
 */
export function isTransactionConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** Codes of a PostgreSQL that can't be reached, is full of connections or is going away: the network's and SQLSTATE's. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  '3D000', // the database does not exist (dropped under a running server)
  '53300', // too many connections: several instances on one server, its max_connections reached
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/**
 * Whether PostgreSQL could not be reached for this request (refused, gone, shutting down): not a
 * bug of the request, and worth trying again later. pg's pool says some of these in words only.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string' && UNREACHABLE.has(e.code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  // 55000 is a whole class of states; only the one PostgreSQL's CheckMyDatabase raises is the
  // database closed to connections (ALLOW_CONNECTIONS false, a maintenance window). By the function,
  // not the message, which a server with lc_messages=ru says in Russian.
  if (e?.code === '55000' && (err as { routine?: unknown }).routine === 'CheckMyDatabase') return true;
  // pg-pool's wait for a connection, and pg's client giving up on a server that never answered.
  return /^(Connection terminated|timeout exceeded when trying to connect|timeout expired$)/.test(message);
}
