// The console API's payloads, as the server defines them in shared/: the screens import them from
// here, so what the console reads is what the server's functions are checked to send.

export type { AuditItem, AuditPage } from '../../../shared/console-audit.ts';
export type { RefusalCount, RefusalsAnswer } from '../../../shared/console-refusals.ts';
export type {
  Count,
  MonthlyAnalysis,
  OverdueComplaint,
  Part,
  PeriodFigures,
  RatingSummary,
  ReportPeriod,
  ResponsibleFigures,
  Share,
  StepCompliance,
  WeeklyControl,
  WeeklyFigures,
  WeeklyStep,
} from '../../../shared/console-reports.ts';
export type { PersonEraseAnswer, PersonExportAnswer } from '../../../shared/console-privacy.ts';
export type {
  CalendarDay,
  CalendarDayType,
  CalendarHours,
  CalendarTotals,
  CalendarYear,
} from '../../../shared/console-calendar.ts';
export type { Card, ComplaintChange, FieldChange, HistoryEvent } from '../../../shared/console-card.ts';
export type {
  CardComplaint,
  Nonconformity,
  RegisteredComplaint,
  RelatedMessage,
  StepState,
} from '../../../shared/console-complaint.ts';
export type { ModerationDecision, ModerationItem, ModerationPage } from '../../../shared/console-moderation.ts';
export type {
  ConsoleMeta,
  ConsoleUser,
  InboxCounts,
  InboxItem,
  InboxPage,
  Page,
  Role,
  SessionAnswer,
} from '../../../shared/console-types.ts';
export type { OneTimePasswordAnswer, UserAnswer, UserItem, UsersAnswer } from '../../../shared/console-users.ts';
