import { STEP_TITLES, type Step } from '../../../shared/complaint-process.ts';
import { clientWords, englishClientNote, noteParagraph } from './client-lang-note.ts';
import { companyTime, formatPhone } from './format.ts';
import { html } from './html.ts';
import { fieldsTable, mailLayout, paragraph, type RenderedMail, textFields } from './layout.ts';
import { safeSubject } from './subject.ts';

/** What the responsible person is told of a complaint put in his hands. */
export interface AssignedComplaint {
  number: string;
  client: string | null;
  phone: string | null;
  email: string | null;
  message: string;
  /** The language the client wrote in (the submission's), `ru` or `en`. */
  lang: string;
  receivedAt: string;
  /** The steps of stage 1, in order: each one's deadline (null until it has one) and when it was done. */
  steps: ReadonlyArray<{ step: Step; dueAt: string | null; doneAt: string | null }>;
  /** When it is assigned: a deadline before it is told as overdue. */
  now: string;
  link: string;
}

/** Where an answer to this e-mail goes: the client is answered from the card, where it is recorded. */
const REPLIES =
  'Ответ на это письмо получит служба менеджмента качества, не клиент. Клиенту отвечайте из карточки жалобы.';

/**
 * «Вам назначена жалоба № 2026-00012»: who complains, what happened, the deadlines of the steps
 * still to do (overdue ones said so: a complaint handed over late is often past its first ones)
 * and a link to the card. In Russian: it goes to the company's own people.
 */
export function complaintAssigned(c: AssignedComplaint, company: string): RenderedMail {
  const subject = safeSubject(`Вам назначена жалоба № ${c.number}${c.client ? ` — ${c.client}` : ''}`);
  const open = c.steps.filter((s) => s.dueAt && !s.doneAt) as Array<{ step: Step; dueAt: string }>;
  const due = (dueAt: string) =>
    `до ${companyTime(dueAt)}${Date.parse(dueAt) < Date.parse(c.now) ? ' — просрочено' : ''}`;
  const fields = [
    ['Номер', c.number],
    ['Получена', companyTime(c.receivedAt)],
    ['Клиент', c.client],
    ['Телефон', c.phone && formatPhone(c.phone)],
    ['E-mail', c.email],
    ...open.map((s) => [`${s.step} ${STEP_TITLES[s.step]}`, due(s.dueAt)] as const),
  ] as const;
  const next = open[0];
  const preheader = !next
    ? 'Откройте карточку жалобы'
    : next.step === '1.1'
      ? `Примите её в работу ${due(next.dueAt)}`
      : `Шаг ${next.step} «${STEP_TITLES[next.step]}» ${due(next.dueAt)}`;
  const langNote = englishClientNote(c.lang, Boolean(c.email || c.phone));
  const body = html`${noteParagraph(langNote)}${fieldsTable([...fields, ['Что случилось', clientWords(c.message, c.lang)]])}
${paragraph(html`<a href="${c.link}" style="color:#1d4ed8;">Открыть карточку жалобы</a>`)}
${paragraph(REPLIES)}`;
  const text = [
    subject,
    '',
    ...(langNote ? [langNote, ''] : []),
    textFields(fields),
    '',
    'Что случилось:',
    c.message,
    '',
    `Карточка: ${c.link}`,
    '',
    REPLIES,
    '',
    `— Otklik, ${company}`,
  ].join('\n');
  return {
    subject,
    html: mailLayout({
      lang: 'ru',
      title: subject,
      preheader,
      body,
      footer: `Otklik · ${company}`,
    }),
    text,
  };
}
