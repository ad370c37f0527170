import { type Clock, systemClock } from '../clock.ts';
import type { Config } from '../env.ts';
import { createFileTransport, mailFolder } from './transports/file.ts';
import { createResendTransport } from './transports/resend.ts';
import type { MailTransport } from './mail-transport.ts';
import { createSmtpTransport } from './transports/smtp.ts';

/**
 * The transport `MAIL_TRANSPORT` names: `file` (the default, `.eml` files under the data folder),
 * `resend` or `smtp`. The clock only serves to read `Retry-After` dates.
 */
export function createMailTransport(config: Config, deps: { clock?: Clock } = {}): MailTransport {
  switch (config.mailTransport) {
    case 'resend':
      if (!config.resendApiKey) throw new Error('RESEND_API_KEY is required when MAIL_TRANSPORT=resend');
      return createResendTransport({
        apiKey: config.resendApiKey,
        baseUrl: config.resendBaseUrl,
        clock: deps.clock ?? systemClock,
      });
    case 'smtp':
      if (!config.smtpUrl) throw new Error('SMTP_URL is required when MAIL_TRANSPORT=smtp');
      return createSmtpTransport({ url: config.smtpUrl });
    case 'file':
      return createFileTransport({ dir: mailFolder(config.dataDir) });
  }
}
