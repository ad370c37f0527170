import type { Db } from '../db/connection.ts';

/**
 * What the server prints at start while nobody can sign in to the console yet; null once a
 * user exists.
 * @example const hint = await firstAdminHint(db, `${base}/admin/`); if (hint) console.log(hint);
 */
export async function firstAdminHint(db: Db, consoleUrl?: string): Promise<string | null> {
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return null;
  return [
    '  No console user yet. Create the first admin (it asks for a password, or prints a one-time one):',
    '    npm run cli -- user add --email you@example.ru --name "Your Name" --role admin',
    // `npm run cli` reads ./.env and ./data: a service's settings are elsewhere.
    '  (a service under systemd or in Docker: README «Deployment» gives the command with its settings)',
    ...(consoleUrl ? [`  then sign in at ${consoleUrl}`] : []),
  ].join('\n');
}
