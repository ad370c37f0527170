import pg from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the PostgreSQL server at `serverUrl`, for one run of a script against
 * real server processes; `drop()` removes it, even while a server still holds connections to it.
 * @example const scratch = await scratchPostgres('postgres://postgres@127.0.0.1:5432/test', 'flood');
 */
export async function scratchPostgres(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  // Unique per process and moment: two runs side by side never share (or drop) each other's.
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
