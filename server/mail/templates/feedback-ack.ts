import type { Selectable } from 'kysely';
import { ackText } from '../../../shared/i18n.ts';
import type { SubmissionTable } from '../../db/schema.ts';
import { companyDate, companyTime, kindLabel, mailLang } from './format.ts';
import { html, multiline } from './html.ts';
import { mailLayout, paragraph, quoteBlock, type RenderedMail, textQuote } from './layout.ts';
import { safeSubject } from './subject.ts';
import { clientEcho } from './client-echo.ts';

const TEXTS = {
  ru: {
    subject: (n: string) => `Ваше обращение № ${n} зарегистрировано`,
    yourMessage: (kind: string, at: string) => `Ваше сообщение (${kind.toLowerCase()}, ${at}):`,
    files: (n: number, size: string) => `Получено файлов: ${n}, всего ${size}.`,
    kb: 'КБ',
    mb: 'МБ',
    footer: (company: string) =>
      `${company} · служба менеджмента качества. Это письмо отправлено автоматически; на него можно ответить.`,
  },
  en: {
    subject: (n: string) => `Your message No. ${n} has been registered`,
    yourMessage: (kind: string, at: string) => `Your message (${kind.toLowerCase()}, ${at}):`,
    files: (n: number, size: string) => `Files received: ${n} (${size}).`,
    kb: 'KB',
    mb: 'MB',
    footer: (company: string) =>
      `${company} · quality management service. This e-mail was sent automatically; you may reply to it.`,
  },
} as const;

/**
 * The acknowledgement a client gets: for a complaint the promise of seed 004 with its date, for a
 * thanks and a suggestion their own words (shared/texts-ru.ts RU_ACK), and the start of his message
 * quoted with no link or address left in it (clientEcho): the acknowledgement goes to whatever
 * address was typed, so it must carry nothing a stranger could send through it. `quote: false`
 * leaves the message out (a complaint registered by hand: the text is the registrar's). `files`:
 * how many arrived and their size, so a client can see his photos did (never their names, which
 * he typed).
 */
export function feedbackAck(
  s: Selectable<SubmissionTable>,
  company: string,
  answerBy: string | null = null,
  opts: {
    quote?: boolean;
    files?: ReadonlyArray<{ size: number }>;
    /** The client's words and when he sent them, when the message holds another's (a rating made a complaint). */
    said?: { message: string; at: string };
  } = {},
): RenderedMail {
  const lang = mailLang(s.lang);
  const t = TEXTS[lang];
  const subject = safeSubject(t.subject(s.number));
  const kind = s.kind === 'thanks' || s.kind === 'suggestion' ? s.kind : 'complaint';
  const ack = ackText(lang, company, s.number, answerBy ? companyDate(answerBy, lang) : undefined, kind);
  // A complaint registered by hand holds the registrar's words, not the client's: only the promise.
  const quoted =
    opts.quote === false
      ? null
      : quotedMessage({ ...s, ...(opts.said && { message: opts.said.message, created_at: opts.said.at }) }, lang);
  const files = opts.files?.length ? t.files(opts.files.length, fileSize(opts.files, lang)) : null;
  const body = html`${paragraph(ack)}${quoted ? html`${paragraph(quoted.intro)}${quoteBlock(multiline(quoted.echo))}` : ''}${files ? paragraph(files) : ''}`;
  const text = [
    ack,
    '',
    ...(quoted ? [quoted.intro, textQuote(quoted.echo), ''] : []),
    ...(files ? [files, ''] : []),
    '-- ',
    t.footer(company),
  ].join('\n');
  return { subject, html: mailLayout({ lang, title: subject, preheader: ack, body, footer: t.footer(company) }), text };
}

/** The start of the client's message as his acknowledgement quotes it, with what it was and when. */
function quotedMessage(s: Selectable<SubmissionTable>, lang: 'ru' | 'en') {
  const intro = TEXTS[lang].yourMessage(kindLabel(s.kind, lang), companyTime(s.created_at, lang));
  return { intro, echo: clientEcho(s.message, lang) };
}

/** The files' total size as people read it: «240 КБ», «3,4 МБ». */
function fileSize(files: ReadonlyArray<{ size: number }>, lang: 'ru' | 'en'): string {
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const t = TEXTS[lang];
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${t.kb}`;
  return `${(bytes / 1024 / 1024).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 })} ${t.mb}`;
}
