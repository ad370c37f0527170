// What the console's reports answer (issue 11; seed 004 «Контроль отработки жалоб»): the weekly
// control of complaint deadlines (GET /api/admin/reports/weekly?week=2026-W44) and the monthly
// analysis of a month, quarter or year beside the previous one (GET /api/admin/reports/monthly
// ?period=2026-10|2026-Q4|2026). Both take `department` (an id) to narrow them; a handler always
// gets his own department's. The server builds these (server/reports/), the console draws them,
// the CSV/XLSX files and the weekly digest are made from them. Types only: nothing here runs.

import type { Step } from './complaint-process.ts';
import type { PeriodKind } from './report-periods.ts';

/** A report's period as answered: its key, kind, days (both included) and Russian name. */
export interface ReportPeriod {
  key: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** «Неделя 44: 26.10.2026 – 01.11.2026», «Октябрь 2026» (shared/report-periods.ts periodLabel). */
  label: string;
}

/** Something counted, with its name for people: a kind, channel, department or answer. */
export interface Count {
  /** The code (`complaint`, `site`, a department's id; `none` for «не указано»). */
  key: string;
  label: string;
  count: number;
}

/** A count and its share of the whole it is part of (0…1; null when the whole is 0). */
export interface Share extends Count {
  share: number | null;
}

/** The weekly control's four figures, for the company or one department. */
export interface WeeklyFigures {
  /** Complaints received in the week. */
  received: number;
  /** Open at the week's end (or now, for the current week): received, not closed. */
  open: number;
  /** Closed in the week. */
  closed: number;
  /** Open at the week's end with a step past its deadline and not done. */
  overdue: number;
}

/** One step of stage 1 in the weekly control. */
export interface WeeklyStep {
  step: Step;
  title: string;
  /** Open complaints whose first step not done is this one, at the week's end. */
  open: number;
  /** Open complaints overdue on this step at the week's end. */
  overdue: number;
  /** Steps done in the week by their deadline, and after it. */
  doneOnTime: number;
  doneLate: number;
}

/** A complaint overdue at the week's end: the control's list, each linked to its card. */
export interface OverdueComplaint {
  /** The submission's id: the card is /admin/submissions/:id. */
  id: string;
  number: string;
  receivedAt: string;
  department: { id: string; name: string } | null;
  responsible: { id: string; name: string } | null;
  /** The earliest overdue step, its deadline and how long past it in working time at the week's end. */
  step: Step;
  dueAt: string;
  overdueWorkingMinutes: number;
  /** The same, for people: «2 р. д. 3 ч 10 мин». */
  overdueText: string;
  /** Who complained: the organization or the name, as the inbox shows it. */
  client: string | null;
}

/** GET /api/admin/reports/weekly. */
export interface WeeklyControl {
  period: ReportPeriod;
  /** The instant the figures are counted at: the week's end, or now while the week runs. */
  asOf: string;
  /** The department it is narrowed to; null: the whole company. */
  department: { id: string; name: string } | null;
  totals: WeeklyFigures;
  /** One row per department with any figure not 0; `department: null` for complaints assigned to none. */
  byDepartment: Array<WeeklyFigures & { department: { id: string; name: string } | null }>;
  steps: WeeklyStep[];
  /** Longest overdue first. */
  overdue: OverdueComplaint[];
}

/** Deadline compliance of one step in a period: the steps whose deadline fell in it. */
export interface StepCompliance {
  step: Step;
  title: string;
  /** Deadlines that fell in the period (and have passed at `asOf`). */
  due: number;
  /** Of them: done by the deadline, done after it, still not done. */
  onTime: number;
  late: number;
  notDone: number;
  /** onTime / due; null when due is 0. */
  share: number | null;
}

/** Ratings of one employee, department or subject in the period. */
export interface RatingSummary {
  /** The employee's slug, the department's id or the subject's slug. */
  key: string;
  label: string;
  count: number;
  /** Average score, two decimals; null when count is 0. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5 stars. */
  scores: [number, number, number, number, number];
  /** By month of the period (a month's report: that one month), oldest first. */
  byMonth: Array<{ month: string; count: number; average: number | null }>;
}

/** A count and its share of a whole named beside it (0…1; null when the whole is 0). */
export interface Part {
  count: number;
  share: number | null;
}

/**
 * One responsible person's handling in the period (seed 004: «показатели по качеству отработки в
 * премиальной части ответственных»), by the complaints he is responsible for now: those closed in
 * the period and how, and the deadlines of their steps that fell in it.
 */
export interface ResponsibleFigures {
  /** The user's id; `none` for complaints with no one responsible. */
  key: string;
  label: string;
  /** Complaints closed in the period. */
  closed: number;
  /** Of them (shares of `closed`): closed within the limit (14 working days) and the aim (5); the
   * client satisfied with the solution; the client loyal. */
  withinLimit: Part;
  withinTarget: Part;
  satisfied: Part;
  loyal: Part;
  /** Deadlines of stage 1's steps that fell in the period (as `compliance` counts them). */
  due: number;
  /** Of them met (a share of `due`). */
  onTime: Part;
}

/** One period's figures in the monthly analysis. */
export interface PeriodFigures {
  period: ReportPeriod;
  /** Feedback and ratings received in the period (`submissions.created_at`). */
  received: {
    total: number;
    /** Thanks, complaints, suggestions (feedback kinds) and ratings. */
    byKind: Count[];
    byChannel: Count[];
    byDepartment: Count[];
  };
  /** Complaints closed in the period and how they ended. */
  closed: {
    count: number;
    /** justified, partly, unjustified, and `none` (not classified). */
    justification: Share[];
    /** yes, no, `none` (not asked or not answered). */
    satisfied: Share[];
    loyal: Share[];
    /** The seed's four combinations (satisfied_loyal, satisfied_not_loyal, not_satisfied_loyal,
     * not_satisfied_not_loyal) and `none` when either is unknown. */
    combinations: Share[];
    /** Working days from receipt to closing (one decimal); null when none closed. */
    averageDays: number | null;
    medianDays: number | null;
    /** Closed within the seed's limit (14 working days) and within its aim (5). */
    withinLimit: Share;
    withinTarget: Share;
  };
  /** Per step of stage 1. */
  compliance: StepCompliance[];
  /** Per responsible person, most complaints first; `none` last when any has no one. */
  responsibles: ResponsibleFigures[];
  ratings: {
    employees: RatingSummary[];
    departments: RatingSummary[];
    subjects: RatingSummary[];
  };
}

/** GET /api/admin/reports/monthly: the period and the one before it, counted the same way. */
export interface MonthlyAnalysis {
  asOf: string;
  department: { id: string; name: string } | null;
  current: PeriodFigures;
  previous: PeriodFigures;
}
