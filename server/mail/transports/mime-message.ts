import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from '../mail-transport.ts';

/** The domain of the From address, for Message-IDs: «Otklik <otklik@example.ru>» → example.ru. */
function fromDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'otklik.invalid';
}

/**
 * The message as nodemailer composes it. The Message-ID comes from the outbox id, so a retry
 * after a lost SMTP reply carries the same id and receiving systems can drop the copy.
 * File and URL access are off: nothing in a message may make nodemailer read the disk or fetch.
 */
export function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo.length > 0 ? mail.replyTo : undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: mail.date,
    messageId: `<${mail.id}@${fromDomain(mail.from)}>`,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
