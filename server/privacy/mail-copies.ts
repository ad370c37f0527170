import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import type { Config } from '../env.ts';
import { copyOutboxId, mailFolder } from '../mail/transports/file.ts';

/**
 * Deletes the file transport's `.eml` copies of e-mails whose personal data the database no longer
 * holds: erased (a person's request, retention) or blanked after OUTBOX_BODY_DAYS. Those files
 * are the e-mails themselves, addresses, text and attachments: left in the mail folder, an erasure
 * kept everything it erased. Nothing to do for the other transports, whose copies are the
 * provider's. Returns how many files it deleted.
 * @example await pruneMailCopies(db, config) // after personErase or runRetention
 */
export async function pruneMailCopies(db: Db, config: Pick<Config, 'mailTransport' | 'dataDir'>): Promise<number> {
  if (config.mailTransport !== 'file') return 0;
  const dir = mailFolder(config.dataDir);
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const copies = new Map<string, string>();
  for (const name of names) {
    const id = copyOutboxId(name);
    if (id) copies.set(name, id);
  }
  const kept = new Set<string>();
  const ids = [...new Set(copies.values())];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('outbox')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('recipients', '!=', '[]')
      .where((eb) => eb.or([eb('html', '!=', ''), eb('text', '!=', '')]))
      .execute();
    for (const r of rows) kept.add(r.id);
  }
  let deleted = 0;
  for (const [name, id] of copies) {
    if (kept.has(id)) continue;
    await fs.rm(path.join(dir, name), { force: true });
    deleted++;
  }
  return deleted;
}
