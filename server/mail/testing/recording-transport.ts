import { setTimeout as sleep } from 'node:timers/promises';
import type { MailTransport, OutgoingMail } from '../mail-transport.ts';

/**
 * Test support: a transport that remembers every message it was handed and never deduplicates,
 * so a message claimed twice shows up twice.
 */
export function recordingTransport(
  options: { delayMs?: number; batch?: boolean } = {},
): MailTransport & { sent: OutgoingMail[]; requests: number } {
  const t = {
    name: 'recording',
    sent: [] as OutgoingMail[],
    requests: 0,
    batchMax: options.batch ? 100 : undefined,
    async send(mail: OutgoingMail) {
      t.requests++;
      await sleep(options.delayMs ?? 0);
      t.sent.push(mail);
      return { providerId: `rec-${mail.id}` };
    },
    sendBatch: options.batch
      ? async (mails: OutgoingMail[]) => {
          t.requests++;
          await sleep(options.delayMs ?? 0);
          t.sent.push(...mails);
          return { providerIds: mails.map((m) => `rec-${m.id}`) };
        }
      : undefined,
  };
  return t;
}
