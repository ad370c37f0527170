import { LOW_SCORE } from '../../../shared/complaint-process.ts';
import type { Selectable } from 'kysely';
import type { SubmissionTable } from '../../db/schema.ts';
import { clientWords, englishClientNote, noteParagraph } from './client-lang-note.ts';
import { companyTime, preview } from './format.ts';
import { html, multiline, type SafeHtml } from './html.ts';
import { fieldsTable, mailLayout, paragraph, quoteBlock, type RenderedMail, textFields, textQuote } from './layout.ts';
import { ratedName, type RatingTarget, type RatingVersion } from './rating-target.ts';
import { scoreBlock, scoreLabel, scoreText } from './rating-score.ts';
import { safeSubject } from './subject.ts';

type Submission = Selectable<SubmissionTable>;

/** Who got the original, when this message is the QMS's copy of a manager's message. */
export interface QmsCopyOf {
  managerName: string | null;
  /** Empty when the employee has no manager's address: then nobody got the original. */
  managerEmail: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const MUTED = `${FONT}font-size:14px;line-height:1.5;color:#6b7280;font-style:italic;`;
const COPY_PREFIX = 'Копия СМК: ';

/** Who gets this message and why: the QMS's copy (`copyOf`), a rating changed by its client (`previous`). */
export interface RatingMessageOptions {
  copyOf?: QmsCopyOf;
  /** The rating as it was before its client changed it: the message tells of the change, not of a new rating. */
  previous?: RatingVersion;
  /**
   * The rating's card in the console, for a message the QMS reads: to moderate it, or make it a
   * complaint; the complaint's card, when it was made one.
   */
  card?: string;
  /** The number of the complaint made of this rating, when its client changed it afterwards. */
  complaint?: string | undefined;
}

/**
 * «Оценка 4 из 5 — Иванов Иван»: the score and what was rated; «Оценка изменена: …» when its client
 * changed it. The QMS's copy says so first, so it sorts apart from mail to the QMS's own people.
 * Russian whatever the client's language.
 */
export function ratingSubject(
  s: Submission,
  target: RatingTarget,
  opts: { copy?: boolean; changed?: boolean } = {},
): string {
  const name = ratedName(target);
  const what = opts.changed ? 'Оценка изменена' : 'Оценка';
  return safeSubject(
    `${opts.copy ? COPY_PREFIX : ''}${what}${opts.changed ? ':' : ''} ${scoreLabel(s.score ?? 0)}${name ? ` — ${name}` : ''}`,
  );
}

/**
 * The message about a rating to the people who act on it: the employee's manager (and, as
 * `copyOf`, the QMS), or a rating subject's recipients. Everything a manager needs to answer:
 * the score, the comment, the publication consent and the client's contacts; when the client
 * changed his rating (`previous`), what it was before.
 */
export function ratingNotification(
  s: Submission,
  target: RatingTarget,
  company: string,
  { copyOf, previous, card, complaint }: RatingMessageOptions = {},
): RenderedMail {
  const subject = ratingSubject(s, target, { copy: copyOf !== undefined, changed: previous !== undefined });
  const score = s.score ?? 0;
  const comment = s.message.trim() ? s.message : null;
  const rated =
    target.kind === 'employee'
      ? ([
          ['Сотрудник', target.name],
          ['Должность', target.position],
          ['Отдел', target.department],
        ] as const)
      : ([['Предмет оценки', target.title]] as const);
  const publish = s.publish === 1 ? 'разрешена' : 'не разрешена';
  const publishHint = s.publish === 1 ? 'отзыв появится на сайте только после проверки СМК' : null;
  const contacts = [
    ['Имя', s.name],
    ['Организация', s.organization],
    ['E-mail', s.email],
  ] as const;
  const hasContacts = contacts.some(([, v]) => v?.trim());
  const record = [
    ['Номер', s.number],
    ['Получено', companyTime(s.created_at)],
    ['Страница', s.page],
  ] as const;
  const note = copyOf ? copyNote(copyOf) : null;
  const change = previous ? changeLines(s, previous) : null;
  const replyHint = s.email ? 'Ответ клиенту уйдёт на его адрес: кнопка «Ответить» подставит его (Reply-To).' : null;
  // Seed 004: «жалобой считается любое выражение недовольства».
  const low = complaint
    ? `По этой оценке зарегистрирована жалоба № ${complaint}: изменение записано в её историю — проверьте, нужна ли ещё работа по ней.`
    : card && score <= LOW_SCORE
      ? 'Возможная жалоба: оценка 1–2 звезды. Сделать её жалобой — в карточке.'
      : null;
  const langNote = englishClientNote(s.lang, Boolean(s.email));

  const body = html`
${noteParagraph(langNote)}
${low ? paragraph(html`<strong>${low}</strong>`) : ''}
${note ? paragraph(html`<span style="color:#6b7280;">${note}</span>`) : ''}
${change ? changeBlock(change) : ''}
${scoreBlock(score)}
${fieldsTable(rated)}
${heading('Комментарий клиента')}
${comment ? quoteBlock(clientWords(comment, s.lang)) : html`<p style="margin:8px 0;${MUTED}">без комментария</p>`}
${fieldsTable([['Публикация на сайте', html`${publish}${publishHint ? html`<br><span style="font-size:12px;color:#6b7280;">${publishHint}</span>` : ''}`]])}
${heading('Клиент')}
${hasContacts ? fieldsTable(contacts) : html`<p style="margin:8px 0;${MUTED}">клиент не оставил контактов</p>`}
${heading('Отзыв')}
${fieldsTable(record)}
${card ? paragraph(html`<a href="${card}" style="color:#1d4ed8;">Открыть карточку в консоли</a>`) : ''}
${replyHint ? paragraph(replyHint) : ''}`;

  const text = [
    subject,
    '',
    ...(langNote ? [langNote, ''] : []),
    ...(low ? [low, ''] : []),
    ...(note ? [note, ''] : []),
    ...(change ? [change.intro, ...change.before.map(([k, v]) => `${k}: ${v}`), '', 'Теперь:'] : []),
    scoreText(score),
    '',
    textFields(rated),
    '',
    ...(comment ? ['Комментарий клиента:', textQuote(comment)] : ['Комментарий клиента: без комментария']),
    '',
    textFields([['Публикация на сайте', publishHint ? `${publish} (${publishHint})` : publish]]),
    '',
    ...(hasContacts ? ['Клиент:', textFields(contacts)] : ['Клиент: не оставил контактов']),
    '',
    textFields(record),
    ...(card ? ['', `Карточка: ${card}`] : []),
    ...(replyHint ? ['', replyHint] : []),
    '',
    '-- ',
    footer(target, company, copyOf),
  ].join('\n');

  const preheader = `${scoreText(score)}${comment ? ` · ${preview(comment, 100)}` : ''}`;
  return {
    subject,
    html: mailLayout({ lang: 'ru', title: subject, preheader, body, footer: footer(target, company, copyOf) }),
    text,
  };
}

/** What the client changed: the rating's number and time, and what it said before. */
function changeLines(s: Submission, previous: RatingVersion) {
  const before: Array<[string, string]> = [['Была оценка', scoreText(previous.score)]];
  const comment = previous.comment.trim();
  if (comment !== s.message.trim()) before.push(['Был комментарий', comment || 'без комментария']);
  if (previous.publish !== (s.publish === 1))
    before.push(['Публикация на сайте была', previous.publish ? 'разрешена' : 'не разрешена']);
  return {
    intro: `Клиент изменил свою оценку № ${s.number} от ${companyTime(s.created_at)}: это не новая оценка, а та же, исправленная тем же клиентом.`,
    before,
  };
}

function changeBlock(change: ReturnType<typeof changeLines>): SafeHtml {
  return html`${paragraph(html`<strong>${change.intro}</strong>`)}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 8px 0;border-left:3px solid #d1d5db;">
${change.before.map(([k, v]) => html`<tr><td style="padding:2px 12px;${FONT}font-size:14px;line-height:1.5;color:#6b7280;">${k}: ${multiline(v)}</td></tr>`)}
</table>
${heading('Теперь')}`;
}

function copyNote(copyOf: QmsCopyOf): string {
  const manager = [copyOf.managerName?.trim(), copyOf.managerEmail && `<${copyOf.managerEmail}>`]
    .filter(Boolean)
    .join(' ');
  return copyOf.managerEmail
    ? `Копия для службы менеджмента качества. Руководителю (${manager}) отправлено отдельное письмо.`
    : 'Копия для службы менеджмента качества. Руководителю письмо не отправлено: у сотрудника не указан e-mail руководителя.';
}

function footer(target: RatingTarget, company: string, copyOf: QmsCopyOf | undefined): string {
  const why = copyOf
    ? 'Вы получили это письмо как служба менеджмента качества.'
    : target.kind === 'employee'
      ? 'Вы получили это письмо как руководитель сотрудника.'
      : `Вы получили это письмо как ответственный за оценки «${target.title.trim()}» или как служба менеджмента качества.`;
  return `Otklik · ${company}. ${why}`;
}

function heading(text: string): SafeHtml {
  return html`<h2 style="margin:20px 0 4px 0;${FONT}font-size:15px;color:#111827;">${text}</h2>`;
}
