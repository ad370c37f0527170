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
const CELL = `padding:5px 8px;border-bottom:1px solid #f3f4f6;${FONT}font-size:13px;line-height:1.4;color:#111827;`;
const HEAD = `padding:5px 8px;border-bottom:2px solid #e5e7eb;${FONT}font-size:12px;line-height:1.3;color:#6b7280;`;
const LINK = 'color:#1d4ed8;';

const dm = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;
const dmy = (day: string) => `${dm(day)}.${day.slice(0, 4)}`;
const NO_DEPARTMENT = 'без отдела';
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
  const headRow = html`<tr>${head.map((h, i) => html`<th align="${i === 0 ? 'left' : 'right'}" style="${HEAD}">${h}</th>`)}</tr>`;
  const body = rows.map(
    (r) => html`<tr>${r.map((v) => html`<td valign="top" align="${align(v)}" style="${CELL}">${v}</td>`)}</tr>
`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;">${headRow}
${body}</table>`;
}

/** The overdue list: the number and the step never wrap, a long name may break anywhere. */
function overdueTable(rows: ReadonlyArray<readonly [SafeHtml, string, SafeHtml, string, string]>): SafeHtml {
  const head = ['№', 'Клиент', 'Отдел, ответственный', 'Шаг', 'Просрочка'];
  const keep = 'white-space:nowrap;';
  const wrap = 'word-break:break-word;';
  const styles = [keep, wrap, wrap, keep, ''];
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;"><tr>${head.map((h) => html`<th align="left" style="${HEAD}">${h}</th>`)}</tr>
${rows.map(
  (r) => html`<tr>${r.map((v, i) => html`<td valign="top" style="${CELL}${styles[i]}">${v}</td>`)}</tr>
`,
)}</table>`;
}

const heading = (text: string) =>
  html`<p style="margin:20px 0 4px 0;${FONT}font-size:15px;line-height:1.3;font-weight:bold;color:#111827;">${text}</p>`;

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
  const asOf = companyTime(c.asOf);
  const intro = `${c.period.label}. Данные на конец недели: ${asOf}.`;
  const shown = c.overdue.slice(0, DIGEST_OVERDUE_ROWS);
  const more = c.overdue.length - shown.length;
  const moreText = more > 0 ? `…и ещё ${more} — в отчёте в консоли.` : null;
  const totals = FIGURES.map(([k, label]) => [label, String(c.totals[k])] as const);

  const departments =
    c.byDepartment.length === 0
      ? paragraph('Жалоб за неделю не было.')
      : dataTable(
          ['Отдел', 'Поступило', 'В работе', 'Закрыто', 'Просрочено'],
          c.byDepartment.map((d) => [departmentName(d.department), d.received, d.open, d.closed, d.overdue]),
        );
  const steps = dataTable(
    ['Шаг', 'В работе', 'Просрочено', 'Выполнено в срок', 'С опозданием'],
    c.steps.map((s) => [`${s.step} ${s.title}`, s.open, s.overdue, s.doneOnTime, s.doneLate]),
  );
  const overdue =
    shown.length === 0
      ? paragraph('Просроченных жалоб нет.')
      : overdueTable(
          shown.map((o) => [
            html`<a href="${cardLink(config, o.id)}" style="${LINK}">${o.number}</a>`,
            o.client ?? '—',
            html`${departmentName(o.department)}<br>${o.responsible?.name ?? NO_RESPONSIBLE}`,
            o.step,
            o.overdueText,
          ]),
        );
  const body = html`${paragraph(intro)}
${heading('Итоги')}${fieldsTable(totals)}
${heading('По отделам')}${departments}
${heading('По шагам этапа 1')}${steps}
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
    'По отделам (поступило / в работе / закрыто / просрочено)',
    ...(c.byDepartment.length === 0
      ? ['Жалоб за неделю не было.']
      : c.byDepartment.map(
          (d) => `- ${oneLine(departmentName(d.department))}: ${d.received} / ${d.open} / ${d.closed} / ${d.overdue}`,
        )),
    '',
    'По шагам этапа 1 (в работе / просрочено / в срок / с опозданием)',
    ...c.steps.map((s) => `- ${s.step} ${s.title}: ${s.open} / ${s.overdue} / ${s.doneOnTime} / ${s.doneLate}`),
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
  `  Клиент: ${oneLine(o.client ?? '—')}; отдел: ${oneLine(departmentName(o.department))}; ответственный: ${oneLine(o.responsible?.name ?? NO_RESPONSIBLE)}`,
  `  Шаг ${stepText(o)}; срок был ${companyTime(o.dueAt)}`,
  `  ${cardLink(config, o.id)}`,
];

/** A name on one line: a stored line break must not start a line that looks like another entry. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');
