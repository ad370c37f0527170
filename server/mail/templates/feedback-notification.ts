import type { Selectable } from 'kysely';
import type { SubmissionTable } from '../../db/schema.ts';
import { STEP_TITLES, type Step } from '../../../shared/complaint-process.ts';
import { clientWords, englishClientNote, noteParagraph } from './client-lang-note.ts';
import { companyTime, channelLabel, fileSize, formatPhone, kindLabel, preview } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { fieldsTable, mailLayout, paragraph, type RenderedMail, textFields } from './layout.ts';
import { safeSubject } from './subject.ts';

/** What a message says about each attached file (the content travels separately). */
export interface AttachmentInfo {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  /** Set when the file is too large for the message: the card that serves it. */
  link?: string;
}

type Submission = Selectable<SubmissionTable>;

/** The message's card in the console and, a complaint's, the deadlines of its steps (none else). */
export interface ProcessInfo {
  link: string;
  deadlines: Partial<Record<Step, string | null>>;
}

/** What a file too large for the message says, linked to the card (mail/attachment-budget.ts). */
const NOT_ATTACHED = 'не приложен: слишком велик для письма, скачайте в карточке';
const ATTACHED = 'приложен к письму';

const MONO = 'font-family:Consolas,Menlo,monospace;font-size:12px;color:#374151;';

/**
 * «Жалоба № 2026-00012 — ООО «Ромашка»»: the kind, the number and who wrote, if he said.
 * The QMS reads Russian, so the subject is Russian whatever the client's language.
 */
export function notificationSubject(s: Submission): string {
  const who = s.organization?.trim() || s.name?.trim();
  return safeSubject(`${kindLabel(s.kind)} № ${s.number}${who ? ` — ${who}` : ''}`);
}

/** The message to the QMS (and the CEO) about a new feedback message: every field, every file. */
export function feedbackNotification(
  s: Submission,
  attachments: readonly AttachmentInfo[],
  company: string,
  process: ProcessInfo | null = null,
  /** The date the client was promised (his acknowledgement's): the answer's, a suggestion's consideration's. */
  answerBy: string | null = null,
): RenderedMail {
  const subject = notificationSubject(s);
  const promised =
    answerBy && s.kind !== 'thanks'
      ? ([[s.kind === 'suggestion' ? 'Рассмотреть до' : 'Ответить клиенту до', companyTime(answerBy)]] as const)
      : [];
  const fields = [
    ['Вид обращения', kindLabel(s.kind)],
    ['Номер', s.number],
    ['Получено', companyTime(s.created_at)],
    ['Канал', channelLabel(s.channel)],
    ...promised,
  ] as const;
  const person = [
    ['Ф.И.О.', s.name],
    ['Организация', s.organization],
    ['ИНН', s.inn],
    ['Телефон', s.phone && formatPhone(s.phone)],
    ['E-mail', s.email],
    ['Страница', s.page],
  ] as const;
  const consent = [
    ['Версия текста', s.consent_version],
    ['Время', s.consent_at ? companyTime(s.consent_at) : null],
    ['IP-адрес', s.consent_ip],
    ['User-Agent', s.consent_user_agent],
  ] as const;
  const due = (step: Step) => {
    const at = process?.deadlines[step];
    return at ? `до ${companyTime(at)}` : '—';
  };
  const steps =
    process && '1.1' in process.deadlines
      ? ([
          [`1.1 ${STEP_TITLES['1.1']}`, due('1.1')],
          [`1.2 ${STEP_TITLES['1.2']}`, due('1.2')],
        ] as const)
      : [];
  const replyHint = s.email
    ? 'Ответ клиенту уйдёт на его адрес: кнопка «Ответить» подставит его (Reply-To).'
    : 'Клиент не указал e-mail.';
  const langNote = englishClientNote(s.lang, Boolean(s.email || s.phone));

  const body = html`
${noteParagraph(langNote)}
${fieldsTable([...fields, ...steps, ['Сообщение', clientWords(s.message, s.lang)], ...person, ['Вложения', attachmentsHtml(attachments)]])}
${process ? paragraph(html`<a href="${process.link}" style="color:#1d4ed8;">Открыть карточку в консоли</a>`) : ''}
<h2 style="margin:20px 0 4px 0;font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#111827;">Согласие на обработку персональных данных</h2>
${fieldsTable(consent)}
${paragraph(replyHint)}`;

  const text = [
    subject,
    '',
    ...(langNote ? [langNote, ''] : []),
    textFields([...fields, ...steps]),
    ...(process ? ['', `Карточка: ${process.link}`] : []),
    '',
    'Сообщение:',
    s.message.replace(/\r\n?/g, '\n'),
    '',
    textFields(person),
    '',
    `Вложения:${attachments.length === 0 ? ' —' : ''}`,
    ...attachments.map(
      (a, i) =>
        `  ${i + 1}. ${a.filename} — ${a.mime}, ${fileSize(a.size)}, ${a.link ? `${NOT_ATTACHED}: ${a.link}` : ATTACHED}\n     SHA-256: ${a.sha256}`,
    ),
    '',
    'Согласие на обработку персональных данных',
    textFields(consent),
    '',
    replyHint,
    '',
    `— Otklik, ${company}`,
  ].join('\n');

  return {
    subject,
    html: mailLayout({
      lang: 'ru',
      title: subject,
      preheader: preview(s.message, 120),
      body,
      footer: `Otklik · ${company}`,
    }),
    text,
  };
}

function attachmentsHtml(attachments: readonly AttachmentInfo[]): SafeHtml | null {
  if (attachments.length === 0) return null;
  const where = (a: AttachmentInfo) =>
    a.link ? html`<a href="${a.link}" style="color:#1d4ed8;">${NOT_ATTACHED}</a>` : ATTACHED;
  return html`${attachments.map((a) => html`<div style="margin:0 0 8px 0;"><b>${a.filename}</b> — ${a.mime}, ${fileSize(a.size)} (${where(a)})<br><span style="${MONO}">SHA-256: ${a.sha256}</span></div>`)}`;
}
