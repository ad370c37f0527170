import { STEP_TITLES } from '../../../shared/complaint-process.ts';
import type { OverdueComplaint, WeeklyControl, WeeklyFigures } from '../../../shared/console-reports.ts';
import type { Config } from '../../env.ts';
import { cardLink, serverBase } from '../links.ts';
import { companyTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { fieldsTable, mailLayout, paragraph, type RenderedMail, textFields } from './layout.ts';
import { safeSubject } from './subject.ts';

/** The mail lists this many overdue complaints, longest first; the console's report has them all. */
export const DIGEST_OVERDUE_ROWS = 50;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = `padding:5px 6px;border-bottom:1px solid #f3f4f6;${FONT}font-size:13px;line-height:1.4;color:#111827;`;
const HEAD = `padding:5px 6px;border-bottom:2px solid #e5e7eb;${FONT}font-size:12px;line-height:1.3;color:#6b7280;`;
const LINK = 'color:#1d4ed8;';

const dm = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
const dmy = (day: string) => `${dm(day)}.${day.slice(0, 4)}`;
const NO_DEPARTMENT = 'Без подразделения';
const NO_RESPONSIBLE = 'не назначен';

/**
 * «Otklik: контроль жалоб, неделя 44 (26.10–01.11.2026)».
 * @example digestSubject(control) // 'Otklik: контроль жалоб, неделя 53 (28.12.2026–03.01.2027)'
 */
export function digestSubject(c: Pick<WeeklyControl, 'period'>): string {
  const { key, from, to } = c.period;
  const week = Number(key.slice(key.indexOf('W') + 1));
  const span = from.slice(0, 4) === to.slice(0, 4) ? `${dm(from)}–${dmy(to)}` : `${dmy(from)}–${dmy(to)}`;
  return safeSubject(`Otklik: контроль жалоб, неделя ${week} (${span})`);
}

/** The console's weekly report of the same week. */
export const weeklyReportLink = (config: Pick<Config, 'publicUrl' | 'port'>, week: string): string =>
  `${serverBase(config)}/admin/reports/weekly?week=${encodeURIComponent(week)}`;

const FIGURES: ReadonlyArray<readonly [keyof WeeklyFigures, string]> = [
  ['received', 'Поступило за неделю'],
  ['open', 'В работе на конец недели'],
  ['closed', 'Закрыто за неделю'],
  ['overdue', 'Просрочено на конец недели'],
];

/** A table of figures: a header row, then rows whose numbers stand right-aligned. */
function dataTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<SafeHtml | string | number>>): SafeHtml {
  const align = (v: unknown) => (typeof v === 'number' ? 'right' : 'left');
  // The names' column takes a third and breaks a long name anywhere; the figures keep the rest.
  const first = 'width:34%;overflow-wrap:anywhere;';
  const headRow = html`<tr>${head.map((h, i) => html`<th align="${i === 0 ? 'left' : 'right'}" style="${HEAD}${i === 0 ? first : ''}">${h}</th>`)}</tr>`;
  const body = rows.map(
    (r) =>
      html`<tr>${r.map((v, i) => html`<td valign="top" align="${align(v)}" style="${CELL}${i === 0 ? first : ''}">${v}</td>`)}</tr>
`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;">${headRow}
${body}</table>`;
}

/**
 * One overdue complaint as two lines, number, step and how late, then client, department and
 * responsible: five columns of a table did not fit a phone's 375 px.
 */
function overdueItem(o: OverdueComplaint, config: Pick<Config, 'publicUrl' | 'port'>): SafeHtml {
  const line = `margin:0;${FONT}line-height:1.4;word-break:break-word;overflow-wrap:anywhere;`;
  return html`<div style="padding:8px 0;border-bottom:1px solid #f3f4f6;"><p style="${line}font-size:14px;color:#111827;">№ <a href="${cardLink(config, o.id)}" style="${LINK}">${o.number}</a> · шаг ${o.step} · просрочка <b>${o.overdueText}</b></p>
<p style="${line}font-size:13px;color:#6b7280;">${o.client ?? '—'} · ${departmentName(o.department)} · ${o.responsible?.name ?? NO_RESPONSIBLE}</p></div>
`;
}

/**
 * Long words of the tables' heads and of the steps' titles with soft hyphens: on a phone they break
 * at a syllable instead of widening the table past the screen (375 px).
 */
const HYPHENS: Record<string, string> = {
  Подразделение: 'Под\u00adраз\u00adде\u00adле\u00adние',
  Поступило: 'Посту\u00adпило',
  Закрыто: 'Закры\u00adто',
  Просрочено: 'Просро\u00adчено',
  Выполнено: 'Выпол\u00adнено',
  опозданием: 'опозда\u00adнием',
  Просрочка: 'Просроч\u00adка',
  ответственный: 'ответ\u00adствен\u00adный',
  // The steps' titles (STEP_TITLES) in the table «По шагам этапа 1».
  ответственным: 'ответ\u00adствен\u00adным',
  претензии: 'пре\u00adтен\u00adзии',
  Выработка: 'Выра\u00adботка',
  коррекции: 'кор\u00adрек\u00adции',
  согласование: 'согла\u00adсо\u00adва\u00adние',
  Внедрение: 'Вне\u00adдре\u00adние',
  работоспособности: 'работо\u00adспо\u00adсоб\u00adно\u00adсти',
  внедрённого: 'вне\u00adдрён\u00adного',
  закрытие: 'закры\u00adтие',
  подразделения: 'под\u00adраз\u00adде\u00adле\u00adния',
};
const hyphenate = (head: string) => head.replace(/[А-Яа-яЁё]+/g, (w) => HYPHENS[w] ?? w);

const heading = (text: string) =>
  html`<p style="margin:20px 0 4px 0;${FONT}font-size:15px;line-height:1.3;font-weight:bold;color:#111827;">${text}</p>`;

/**
 * A complaint stands at its first step not done, while every step past its deadline counts as
 * overdue: one stuck at 1.1 is overdue at 1.2 and 1.3 too, which read «0 в работе, 4 просрочено».
 */
const STEPS_NOTE =
  'Жалоба в работе на первом невыполненном шаге. Просрочен каждый шаг, срок которого прошёл: жалоба, остановившаяся на шаге 1.1, просрочена и на следующих.';

const departmentName = (d: { name: string } | null) => d?.name ?? NO_DEPARTMENT;
const stepText = (o: OverdueComplaint) => `${o.step} ${STEP_TITLES[o.step]}`;

/**
 * The weekly digest to the QMS (seed 004 «Контроль отработки жалоб»): a week's control — totals,
 * departments, steps — and its overdue complaints, each linked to its card, with a link to the
 * console's report. Every name in it (departments, clients, people) is escaped by `html`.
 */
export function weeklyDigest(
  c: WeeklyControl,
  config: Pick<Config, 'publicUrl' | 'port' | 'companyName'>,
): RenderedMail {
  const subject = digestSubject(c);
  const report = weeklyReportLink(config, c.period.key);
  const asOf = endOfDay(c.asOf);
  const intro = `${c.period.label}. Данные на конец недели: ${asOf}.`;
  const shown = c.overdue.slice(0, DIGEST_OVERDUE_ROWS);
  const more = c.overdue.length - shown.length;
  const moreText = more > 0 ? `…и ещё ${more} — в отчёте в консоли.` : null;
  const totals = FIGURES.map(([k, label]) => [label, String(c.totals[k])] as const);

  const departments =
    c.byDepartment.length === 0
      ? paragraph('Жалоб за неделю не было.')
      : dataTable(
          ['Подразделение', 'Поступило', 'В работе', 'Закрыто', 'Просрочено'].map(hyphenate),
          c.byDepartment.map((d) => [hyphenate(departmentName(d.department)), d.received, d.open, d.closed, d.overdue]),
        );
  const steps = dataTable(
    ['Шаг', 'В работе на шаге', 'Просрочено', 'Выполнено в срок', 'С опозданием'].map(hyphenate),
    c.steps.map((s) => [hyphenate(`${s.step} ${s.title}`), s.open, s.overdue, s.doneOnTime, s.doneLate]),
  );
  const overdue =
    shown.length === 0
      ? paragraph('Просроченных жалоб нет.')
      : html`<div style="margin:8px 0 16px 0;">${shown.map((o) => overdueItem(o, config))}</div>`;
  const body = html`${paragraph(intro)}
${heading('Итоги')}${fieldsTable(totals)}
${heading('По подразделениям')}${departments}
${heading('По шагам этапа 1')}${steps}${paragraph(STEPS_NOTE)}
${heading(`Просроченные жалобы: ${c.overdue.length}`)}${overdue}${moreText ? paragraph(moreText) : ''}
${paragraph(html`<a href="${report}" style="${LINK}">Открыть отчёт за неделю в консоли</a>`)}`;

  const text = [
    subject,
    '',
    intro,
    '',
    'Итоги',
    textFields(totals),
    '',
    'По подразделениям (поступило / в работе / закрыто / просрочено)',
    ...(c.byDepartment.length === 0
      ? ['Жалоб за неделю не было.']
      : c.byDepartment.map(
          (d) => `- ${oneLine(departmentName(d.department))}: ${d.received} / ${d.open} / ${d.closed} / ${d.overdue}`,
        )),
    '',
    'По шагам этапа 1 (в работе на шаге / просрочено / в срок / с опозданием)',
    ...c.steps.map((s) => `- ${s.step} ${s.title}: ${s.open} / ${s.overdue} / ${s.doneOnTime} / ${s.doneLate}`),
    STEPS_NOTE,
    '',
    `Просроченные жалобы: ${c.overdue.length}`,
    ...(shown.length === 0 ? ['Просроченных жалоб нет.'] : shown.flatMap(overdueText(config))),
    ...(moreText ? [moreText] : []),
    '',
    `Отчёт в консоли: ${report}`,
    '',
    `— Otklik, ${config.companyName}`,
  ].join('\n');
  return {
    subject,
    html: mailLayout({ lang: 'ru', title: subject, preheader: intro, body, footer: `Otklik · ${config.companyName}` }),
    text,
  };
}

/** One overdue complaint in the plain text: a line of its own, then its details indented. */
const overdueText = (config: Pick<Config, 'publicUrl' | 'port'>) => (o: OverdueComplaint) => [
  `- № ${o.number}, просрочка ${o.overdueText}`,
  `  Клиент: ${oneLine(o.client ?? '—')}; подразделение: ${oneLine(departmentName(o.department))}; ответственный: ${oneLine(o.responsible?.name ?? NO_RESPONSIBLE)}`,
  `  Шаг ${stepText(o)}; срок был ${companyTime(o.dueAt)}`,
  `  ${cardLink(config, o.id)}`,
];

/** A name on one line: a stored line break must not start a line that looks like another entry. */
export const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * The moment a week's figures are taken at, as people say it: the week's last day «24:00», not
 * the next one's «00:00», which reads as Monday's data.
 * @example endOfDay('2026-11-29T21:00:00.000Z') // '29.11.2026 24:00 МСК'
 */
function endOfDay(iso: string): string {
  const at = companyTime(iso);
  return at.includes(' 00:00 ')
    ? companyTime(new Date(Date.parse(iso) - 60_000).toISOString()).replace(' 23:59 ', ' 24:00 ')
    : at;
}
