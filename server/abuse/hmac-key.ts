import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connection.ts';

const KEY = 'altcha_hmac_key';

/**
 * The key that signs proof-of-work challenges and `started` tokens: ALTCHA_HMAC_KEY when set,
 * else one kept in `settings` (storedSecret).
 * @example const key = await powHmacKey(db, clock, config.altchaHmacKey)
 */
export async function powHmacKey(db: Db, clock: Clock, configured: string | undefined): Promise<string> {
  return configured ?? storedSecret(db, clock, KEY);
}

/**
 * A secret kept in `settings` under `name`, made at random the first time. Read first, so a
 * restart needs no write (another process may hold SQLite's write lock); when absent,
 * insert-if-absent then read, so instances starting together on one database agree on one
 * secret, and a restart keeps it (a challenge fetched before the restart still verifies).
 * @example const key = await storedSecret(db, clock, 'device_hmac_key')
 */
export async function storedSecret(db: Db, clock: Clock, name: string): Promise<string> {
  const stored = () => db.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirst();
  let row = await stored();
  if (!row) {
    await db
      .insertInto('settings')
      .values({
        key: name,
        value: JSON.stringify(randomBytes(32).toString('hex')),
        updated_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await stored();
  }
  if (!row) throw new Error(`the secret ${name} is not in settings after its insert`);
  return JSON.parse(row.value) as string;
}
