import { STEP_TITLES, type Step } from '../../../shared/complaint-process.ts';
import { englishClientNote, noteParagraph } from './client-lang-note.ts';
import { companyTime } from './format.ts';
import { html } from './html.ts';
import { fieldsTable, mailLayout, paragraph, type RenderedMail, textFields } from './layout.ts';
import { safeSubject } from './subject.ts';

/** soon: three quarters of the step's time have passed; overdue: its deadline passed; escalation: a working day overdue. */
export type NoticeKind = 'soon' | 'overdue' | 'escalation';

const HEADINGS: Record<NoticeKind, (n: string, step: Step) => string> = {
  soon: (n, step) => `Скоро срок: жалоба № ${n}, шаг ${step}`,
  overdue: (n, step) => `Просрочен шаг ${step} жалобы № ${n}`,
  escalation: (n, step) => `Эскалация: шаг ${step} жалобы № ${n} просрочен больше рабочего дня`,
};

/** A reminder to the responsible person, or an escalation to the QMS, about one step. */
export function complaintReminder(
  c: {
    kind: NoticeKind;
    number: string;
    step: Step;
    dueAt: string;
    /** Working time left before the deadline, or past it; a phone's reader sees how pressing it is. */
    timing?: { left: boolean; text: string };
    client: string | null;
    /** Whose complaint it is when nobody is responsible yet: the QMS reads it in an escalation. */
    department: string | null;
    responsible: string | null;
    link: string;
    /** The client's language, and whether he can be answered: an English one is said first, as in the assignment letter. */
    lang?: string | null;
    reachable?: boolean;
  },
  company: string,
): RenderedMail {
  const subject = safeSubject(HEADINGS[c.kind](c.number, c.step));
  const fields: ReadonlyArray<readonly [string, string | null]> = [
    ['Жалоба', c.number],
    ['Клиент', c.client],
    ['Шаг', `${c.step} ${STEP_TITLES[c.step]}`],
    ['Срок', companyTime(c.dueAt)],
    ...(c.timing ? [[c.timing.left ? 'Осталось' : 'Просрочено на', `${c.timing.text} рабочего времени`] as const] : []),
    ['Подразделение', c.department ?? 'не указано'],
    ['Ответственный', c.responsible ?? 'не назначен'],
  ];
  const note = englishClientNote(c.lang, c.reachable ?? false);
  const body = html`${noteParagraph(note)}${fieldsTable(fields)}${paragraph(html`<a href="${c.link}" style="color:#1d4ed8;">Открыть карточку жалобы</a>`)}`;
  const text = [
    subject,
    '',
    ...(note ? [note, ''] : []),
    textFields(fields),
    '',
    `Карточка: ${c.link}`,
    '',
    `— Otklik, ${company}`,
  ].join('\n');
  return { subject, html: mailLayout({ lang: 'ru', title: subject, body, footer: `Otklik · ${company}` }), text };
}
