// The complaint process of seed 004 («Этапы работы с жалобами»): the steps of stage 1 with
// their deadlines, and the codes of a complaint's classification. The server counts deadlines
// and checks codes with these; the console names them. No Node or DOM APIs.

/** Stage 1 «коррекция», in order. */
export const STEPS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'] as const;
export type Step = (typeof STEPS)[number];

/**
 * How each step's deadline is counted: working hours or working days from the complaint's
 * receipt, a date agreed with the client (1.4), or working days after another step is done (1.5).
 */
export type StepDeadline =
  | { from: 'received'; workingHours: number }
  | { from: 'received'; workingDays: number }
  | { from: 'agreed' }
  | { from: 'done'; step: Step; workingDays: number };

export const STEP_DEADLINES: Record<Step, StepDeadline> = {
  '1.1': { from: 'received', workingHours: 1 },
  '1.2': { from: 'received', workingHours: 3 },
  '1.3': { from: 'received', workingDays: 3 },
  '1.4': { from: 'agreed' },
  '1.5': { from: 'done', step: '1.4', workingDays: 3 },
  '1.6': { from: 'received', workingDays: 14 },
};

/** «Жалобой считается любое выражение недовольства»: a rating of this many stars or fewer is flagged and can become a complaint. */
export const LOW_SCORE = 2;

/** The seed's aim for step 1.6: «14 рабочих дней – стремимся к 5 рабочим дням». */
export const CLOSE_TARGET_WORKING_DAYS = 5;

/** Seed 004's names of the steps. */
export const STEP_TITLES: Record<Step, string> = {
  '1.1': 'Приём претензии ответственным в работу',
  '1.2': 'Первый контакт с клиентом',
  '1.3': 'Выработка коррекции и согласование с клиентом',
  '1.4': 'Внедрение коррекции',
  '1.5': 'Проверка работоспособности внедрённого решения',
  '1.6': 'Передача на закрытие',
};

/**
 * Seed 004's terms, as the card shows them beside each step. The seed counts «с момента заведения
 * претензии»; Otklik counts from the moment the complaint was received (a letter registered days
 * later keeps its dates), and says so.
 */
export const STEP_TERMS: Record<Step, string> = {
  '1.1': 'в течение 1 рабочего часа с момента получения жалобы',
  '1.2': 'в течение 3 рабочих часов с момента получения жалобы',
  '1.3': 'в течение 3 рабочих дней с момента получения жалобы',
  '1.4': 'срок согласовывается с клиентом',
  '1.5': '3 рабочих дня с момента внедрения коррекции',
  '1.6': 'в течение 14 рабочих дней (стремимся к 5)',
};

/** Обоснованность. */
export const JUSTIFICATIONS = ['justified', 'partly', 'unjustified'] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

/** Важность. */
export const IMPORTANCES = ['high', 'normal'] as const;
export type Importance = (typeof IMPORTANCES)[number];

/** Внешняя (a client about the company) or внутренняя (one department about another). */
export const SCOPES = ['external', 'internal'] as const;
export type ComplaintScope = (typeof SCOPES)[number];

/** The correction or compensation agreed with the client. */
export const CORRECTIONS = ['repair', 'replacement', 'refund', 'discount', 'gift', 'consultation', 'other'] as const;
export type Correction = (typeof CORRECTIONS)[number];

/** How the agreed correction was recorded. */
export const CORRECTION_RECORDS = ['act', 'letter', 'protocol'] as const;
export type CorrectionRecord = (typeof CORRECTION_RECORDS)[number];

/** Channels a complaint registered by hand may have come through (seed 004 «Каналы поступления»). */
export const MANUAL_CHANNELS = [
  'phone',
  'visit',
  'letter',
  'email',
  'social',
  'connect',
  'quality_call',
  'internal',
] as const;
export type ManualChannel = (typeof MANUAL_CHANNELS)[number];

export const JUSTIFICATION_LABELS: Record<Justification, string> = {
  justified: 'Обоснована',
  partly: 'Частично обоснована',
  unjustified: 'Не обоснована',
};

export const IMPORTANCE_LABELS: Record<Importance, string> = { high: 'Высокая', normal: 'Обычная' };

export const SCOPE_LABELS: Record<ComplaintScope, string> = { external: 'Внешняя', internal: 'Внутренняя' };

export const CORRECTION_LABELS: Record<Correction, string> = {
  repair: 'Ремонт, исправление',
  replacement: 'Замена',
  refund: 'Возврат денег',
  discount: 'Скидка',
  gift: 'Подарок, бесплатная услуга',
  consultation: 'Консультация',
  other: 'Другое',
};

export const CORRECTION_RECORD_LABELS: Record<CorrectionRecord, string> = {
  act: 'Акт',
  letter: 'Письмо',
  protocol: 'Протокол',
};

/** How long after a survey it may be sent again, while unanswered: a day (the console says when). */
export const SURVEY_AGAIN_MS = 24 * 3_600_000;
