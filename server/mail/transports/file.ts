import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { MailSendError } from '../mail-error.ts';
import type { MailTransport, OutgoingMail } from '../mail-transport.ts';
import { toNodemailer } from './mime-message.ts';

/**
 * Writes every message as an RFC 5322 `.eml` file (CRLF line ends, real MIME with the
 * attachments) that any mail client opens: a fresh install needs no mail account. The name is
 * fixed by the message (`<queued at>-<outbox id>.eml`), so a retry replaces the file instead of
 * adding a copy; temp file + rename means a reader never sees half a message.
 */
export function createFileTransport(options: { dir: string }): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    name: 'file',
    async send(mail) {
      const info = await composer.sendMail(toNodemailer(mail));
      const raw = info.message;
      if (!Buffer.isBuffer(raw)) throw new Error('nodemailer did not return the message as a buffer');
      try {
        return { providerId: await writeAtomically(options.dir, fileName(mail), raw) };
      } catch (err) {
        // A full disk or a missing permission fails every message alike.
        throw new MailSendError(`Mail folder ${options.dir}: ${err instanceof Error ? err.message : String(err)}`, {
          scope: 'provider',
          cause: err,
        });
      }
    },
  };
}

/** Where the file transport writes its copies: `DATA_DIR/mail`. */
export const mailFolder = (dataDir: string) => path.join(dataDir, 'mail');

/** The outbox id a copy's file name carries (`fileName`), or null for any other file (a temporary one). */
export const copyOutboxId = (name: string): string | null => /-([0-9a-f-]{36})\.eml$/.exec(name)?.[1] ?? null;

function fileName(mail: OutgoingMail): string {
  return `${mail.createdAt.replace(/:/g, '-')}-${mail.id}.eml`.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function writeAtomically(dir: string, name: string, content: Buffer): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${name}.${randomUUID()}.tmp`);
  try {
    const file = await fs.open(temp, 'wx');
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temp, path.join(dir, name));
    return name;
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}
