import type { Lang } from '../../../shared/i18n.ts';
import { html, multiline } from './html.ts';
import { mailLayout, paragraph, type RenderedMail } from './layout.ts';
import { safeSubject } from './subject.ts';

const TEXTS = {
  ru: {
    subject: (n: string) => `Ответ на обращение № ${n}`,
    footer: (company: string) => `${company} · служба менеджмента качества. Ответьте на это письмо, если нужно.`,
  },
  en: {
    subject: (n: string) => `Reply to your message No. ${n}`,
    footer: (company: string) => `${company} · quality management service. You may reply to this e-mail.`,
  },
} as const;

/** The handler's reply to the client, with the registration number in the subject. */
export function complaintReply(
  c: { number: string; lang: Lang; text: string; from: string },
  company: string,
): RenderedMail {
  const t = TEXTS[c.lang];
  const subject = safeSubject(t.subject(c.number));
  const body = html`${paragraph(multiline(c.text))}${paragraph(c.from)}`;
  const text = [c.text.replace(/\r\n?/g, '\n'), '', c.from, '', '-- ', t.footer(company)].join('\n');
  return { subject, html: mailLayout({ lang: c.lang, title: subject, body, footer: t.footer(company) }), text };
}
