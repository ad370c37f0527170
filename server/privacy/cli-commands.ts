import { parseArgs } from 'node:util';
import type { Clock } from '../clock.ts';
import { type Db, forgetOldPages } from '../db/connection.ts';
import { mergeAfterErase } from '../db/search-indexes.ts';
import { digestIdsOf } from './erase-digests.ts';
import type { Config } from '../env.ts';
import { pruneMailCopies } from './mail-copies.ts';
import { UsageError } from '../directory/cli-commands.ts';
import { personOutboxIds, personSubmissionIds } from './person-data.ts';
import { type PersonKey, personKey } from './person-key.ts';
import { personErase, personExport } from './person-requests.ts';

function keyFrom(args: string[]): { key: PersonKey; yes: boolean } {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { email: { type: 'string' }, phone: { type: 'string' }, yes: { type: 'boolean' } },
  });
  const parsed = personKey(values);
  if ('errors' in parsed) {
    const [field, code] = Object.entries(parsed.errors)[0]!;
    throw new UsageError(
      code === 'required' || code === 'invalid'
        ? 'give the person as --email … or --phone … (one of them)'
        : `--${field}: not ${field === 'email' ? 'an e-mail address' : 'a phone number'}`,
    );
  }
  return { key: parsed.key, yes: values.yes === true };
}

/** `person export --email … | --phone …`: everything stored about him as JSON (for stdout); audited. */
export async function personExportCommand(db: Db, clock: Clock, args: string[]): Promise<string> {
  return JSON.stringify(await personExport(db, clock, 'cli', keyFrom(args).key), null, 2);
}

/**
 * `person erase --email … | --phone … --yes`: erases everything stored about him (the file
 * transport's copies of his e-mails too) and says what it did; without `--yes` it only says what
 * it would erase.
 */
export async function personEraseCommand(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'mailTransport' | 'dataDir'>,
  args: string[],
): Promise<{ text: string; failed: boolean }> {
  const { key, yes } = keyFrom(args);
  if (!yes) {
    const ids = await personSubmissionIds(db, key);
    const mails = await personOutboxIds(db, key, ids);
    const digests = await digestIdsOf(db, ids);
    const also = digests.length > 0 ? ` and his name in ${digests.length} weekly digest(s)` : '';
    return {
      text: `Would erase the personal data of ${ids.length} submission(s) and ${mails.length} e-mail(s)${also}; nothing changed. Add --yes to erase.`,
      failed: true,
    };
  }
  const n = await personErase(db, clock, 'cli', key);
  const copies = await pruneMailCopies(db, config);
  const files = copies > 0 ? ` (${copies} .eml copies deleted from the mail folder)` : '';
  const merged = await mergeAfterErase(db);
  // Another process kept reading the whole time: the old page images stay in the WAL until it lets go.
  const wal =
    (await forgetOldPages(db)) && merged
      ? ''
      : ' The database was busy, so its search index or write-ahead log may still hold his words: run `npm run cli -- search optimize` when it is quieter, before taking a backup.';
  return {
    text: `Erased: personal fields of ${n.submissions} submission(s), ${n.attachments} file(s), ${n.outbox} e-mail(s)${files}, words of ${n.events} history event(s). Recorded in the audit log.${wal}`,
    failed: false,
  };
}
