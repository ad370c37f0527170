// Re-runs issue 14 §1's measurement against a real server process: parallel sign-in bursts, and
// how many passwords were checked (401), refused (429) and whether one signed in (200).
//   npx tsx scripts/redteam-sign-in.ts            SQLite in a temporary directory
//   npx tsx scripts/redteam-sign-in.ts --pg URL   a throwaway database on that PostgreSQL server
import { hashPassword } from '../server/auth/password.ts';
import { openDb } from '../server/db/connection.ts';
import { insertUser } from '../server/users/store.ts';
import { scratchPostgres } from '../test/support/scratch-postgres.ts';
import { startServer } from '../test/support/server-process.ts';

const PASSWORD = 'the-right-password-42';
const clock = { now: () => new Date() };

const pgAt = process.argv.indexOf('--pg');
const database = pgAt > 0 ? await scratchPostgres(process.argv[pgAt + 1]!, 'redteam') : null;
const server = await startServer({
  TRUST_PROXY: '1',
  CAPTCHA: 'off',
  RATE_LIMIT: '0',
  ...(database && { DATABASE_URL: database.url }),
});
const { db } = openDb({ dataDir: server.dataDir, databaseUrl: database?.url });

/** A console user with a production-cost password hash, as `user add` makes one. */
async function account(email: string) {
  await insertUser(db, clock, {
    email,
    name: email,
    role: 'admin',
    departmentId: null,
    passwordHash: await hashPassword(PASSWORD),
    mustChangePassword: false,
  });
  return email;
}

const login = (email: string, password: string, ip: string) =>
  fetch(`${server.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status);

async function burst(title: string, attempts: { email: string; password: string; ip: string }[]) {
  const started = performance.now();
  const statuses = await Promise.all(attempts.map((a) => login(a.email, a.password, a.ip)));
  const count = (s: number) => statuses.filter((x) => x === s).length;
  const other = statuses.filter((s) => ![200, 401, 429].includes(s));
  console.log(
    `${title}: ${attempts.length} sent in ${Math.round(performance.now() - started)} ms → checked (401) ${count(401)}, ` +
      `refused (429) ${count(429)}, signed in ${count(200) > 0 ? `YES (${count(200)})` : 'no'}` +
      (other.length ? `, other ${other.join(',')}` : ''),
  );
}

try {
  console.log(
    `Otklik at ${server.url} on ${database ? 'PostgreSQL' : 'SQLite'}; limits: 5 per account, 20 per address in 15 min`,
  );
  const a = await account('burst-a@example.ru');
  await burst(
    '100 parallel wrong passwords, one account, one address',
    Array.from({ length: 100 }, (_, i) => ({ email: a, password: `wrong-${i}`, ip: '203.0.113.1' })),
  );
  const b = await account('burst-b@example.ru');
  await burst(
    '60 parallel, the right password at position 40, one account, one address',
    Array.from({ length: 60 }, (_, i) => ({
      email: b,
      password: i === 39 ? PASSWORD : `wrong-${i}`,
      ip: '203.0.113.2',
    })),
  );
  const c = await account('burst-c@example.ru');
  await burst(
    '60 parallel, the right password at position 40, one account, 60 addresses',
    Array.from({ length: 60 }, (_, i) => ({
      email: c,
      password: i === 39 ? PASSWORD : `wrong-${i}`,
      ip: `198.51.100.${i}`,
    })),
  );
  await burst(
    '60 parallel wrong passwords, one address, 12 accounts (3 real)',
    Array.from({ length: 60 }, (_, i) => ({
      email: ['burst-d@example.ru', 'burst-e@example.ru', 'burst-f@example.ru'][i % 12] ?? `nobody${i % 12}@example.ru`,
      password: `wrong-${i}`,
      ip: '203.0.113.3',
    })),
  );
  const after = await login(b, PASSWORD, '192.0.2.200');
  console.log(`the right password for the locked account right after, from a fresh address: ${after}`);
} finally {
  await db.destroy();
  await server.stop();
  await database?.drop();
}
