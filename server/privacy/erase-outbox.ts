import type { Db } from '../db/connection.ts';

/**
 * These e-mails pruned of personal data: unsent ones deleted (nothing goes out about erased data),
 * sent ones kept as the record that a message of that template went out when, without addresses,
 * subject or bodies. Returns how many rows changed.
 */
export async function eraseOutbox(trx: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await trx
    .deleteFrom('outbox_state')
    .where('id', 'in', ids)
    .where('status', '!=', 'sent')
    .executeTakeFirst();
  const blank = (
    await trx
      .selectFrom('outbox')
      .select('id')
      .where('id', 'in', ids)
      .where('status', '=', 'sent')
      .where((eb) =>
        eb.or([eb('recipients', '!=', '[]'), eb('subject', '!=', ''), eb('html', '!=', ''), eb('text', '!=', '')]),
      )
      .execute()
  ).map((r) => r.id);
  if (blank.length > 0) {
    await trx
      .updateTable('outbox_state')
      .set({ recipients: '[]', reply_to: null, subject: '', attachment_ids: '[]', last_error: null })
      .where('id', 'in', blank)
      .execute();
    await trx.updateTable('outbox_bodies').set({ html: '', text: '' }).where('id', 'in', blank).execute();
  }
  return Number(deleted.numDeletedRows) + blank.length;
}
