import type { WeeklyControl } from '../../../shared/console-reports.ts';
import { companyTime } from '../../mail/templates/format.ts';
import { NO_DEPARTMENT_LABEL } from '../report-labels.ts';
import { type ReportFile, reportFileName, scopeName } from './table.ts';

/**
 * The weekly control as tables: its four figures, by department, by step, and the overdue
 * complaints, each with a link to its card (`base` is the console's address; relative without one).
 * @example weeklyTables(control, 'https://otklik.example.ru').tables.map((t) => t.sheet)
 */
export function weeklyTables(w: WeeklyControl, base: string | undefined): ReportFile {
  const title = `Контроль отработки жалоб. ${w.period.label}. ${scopeName(w.department)}; данные на ${companyTime(w.asOf)}`;
  const figures = [
    { key: 'received', title: 'Поступило', type: 'integer' as const },
    { key: 'open', title: 'В работе на конец недели', type: 'integer' as const },
    { key: 'closed', title: 'Закрыто', type: 'integer' as const },
    { key: 'overdue', title: 'Просрочено', type: 'integer' as const },
  ];
  return {
    name: reportFileName('weekly', w.period.key, w.department),
    title,
    tables: [
      {
        title: 'Итоги',
        sheet: 'Итоги',
        columns: [
          { key: 'figure', title: 'Показатель', type: 'text', width: 28 },
          { key: 'count', title: 'Жалоб', type: 'integer' },
        ],
        rows: figures.map((f) => ({ figure: f.title, count: w.totals[f.key as keyof typeof w.totals] })),
      },
      {
        title: 'Жалобы по подразделениям',
        sheet: 'По подразделениям',
        columns: [{ key: 'department', title: 'Подразделение', type: 'text', width: 28 }, ...figures],
        rows: w.byDepartment.map((d) => ({ ...d, department: d.department?.name ?? NO_DEPARTMENT_LABEL })),
      },
      {
        title: 'Жалобы по шагам первого этапа',
        sheet: 'По шагам',
        columns: [
          { key: 'step', title: 'Шаг', type: 'code', width: 6 },
          { key: 'title', title: 'Название', type: 'text', width: 44 },
          { key: 'open', title: 'В работе на этом шаге', type: 'integer' },
          { key: 'overdue', title: 'Просрочено', type: 'integer' },
          { key: 'doneOnTime', title: 'Выполнено в срок', type: 'integer' },
          { key: 'doneLate', title: 'Выполнено с опозданием', type: 'integer' },
        ],
        rows: w.steps.map((s) => ({ ...s })),
      },
      {
        title: 'Просроченные жалобы (дольше всех просроченные первыми)',
        sheet: 'Просроченные',
        columns: [
          { key: 'number', title: 'Номер', type: 'text', width: 14 },
          { key: 'receivedAt', title: 'Поступила', type: 'datetime' },
          { key: 'client', title: 'Клиент', type: 'text', width: 28 },
          { key: 'department', title: 'Подразделение', type: 'text', width: 22 },
          { key: 'responsible', title: 'Ответственный', type: 'text', width: 22 },
          { key: 'step', title: 'Шаг', type: 'code', width: 6 },
          { key: 'dueAt', title: 'Срок шага', type: 'datetime' },
          { key: 'overdueMinutes', title: 'Просрочка, рабочих минут', type: 'integer' },
          { key: 'overdueText', title: 'Просрочка', type: 'text', width: 18 },
          { key: 'card', title: 'Карточка', type: 'link', width: 40 },
        ],
        rows: w.overdue.map((o) => ({
          number: o.number,
          receivedAt: o.receivedAt,
          client: o.client,
          department: o.department?.name ?? NO_DEPARTMENT_LABEL,
          responsible: o.responsible?.name ?? null,
          step: o.step,
          dueAt: o.dueAt,
          overdueMinutes: o.overdueWorkingMinutes,
          overdueText: o.overdueText,
          card: `${base ?? ''}/admin/submissions/${encodeURIComponent(o.id)}`,
        })),
      },
    ],
  };
}
