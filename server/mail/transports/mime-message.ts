import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from '../mail-transport.ts';

/**
 * The message as nodemailer composes it. The Message-ID is the one stored with the outbox row,
 * so a retry after a lost SMTP reply carries the same id and receiving systems can drop the copy.
 * File and URL access are off: nothing in a message may make nodemailer read the disk or fetch.
 * A message of the system's says it was sent by a machine (`headersOf` in mail-transport.ts).
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
    messageId: mail.messageId,
    ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] }),
    headers: { ...mail.headers },
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
