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
  deadlines: Partial<Record<Step, string | null>>;
  link: string;
}

/**
 * «Вам назначена жалоба № 2026-00012»: who complains, what happened, the deadlines of steps
 * 1.1 and 1.2 and a link to the card. In Russian: it goes to the company's own people.
 */
export function complaintAssigned(c: AssignedComplaint, company: string): RenderedMail {
  const subject = safeSubject(`Вам назначена жалоба № ${c.number}${c.client ? ` — ${c.client}` : ''}`);
  const due = (step: Step) => {
    const at = c.deadlines[step];
    return at ? `до ${companyTime(at)}` : '—';
  };
  const fields = [
    ['Номер', c.number],
    ['Получена', companyTime(c.receivedAt)],
    ['Клиент', c.client],
    ['Телефон', c.phone && formatPhone(c.phone)],
    ['E-mail', c.email],
    [`1.1 ${STEP_TITLES['1.1']}`, due('1.1')],
    [`1.2 ${STEP_TITLES['1.2']}`, due('1.2')],
  ] as const;
  const langNote = englishClientNote(c.lang, Boolean(c.email || c.phone));
  const body = html`${noteParagraph(langNote)}${fieldsTable([...fields, ['Что случилось', clientWords(c.message, c.lang)]])}
${paragraph(html`<a href="${c.link}" style="color:#1d4ed8;">Открыть карточку жалобы</a>`)}`;
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
    `— Otklik, ${company}`,
  ].join('\n');
  return {
    subject,
    html: mailLayout({
      lang: 'ru',
      title: subject,
      preheader: `Примите её в работу ${due('1.1')}`,
      body,
      footer: `Otklik · ${company}`,
    }),
    text,
  };
}
