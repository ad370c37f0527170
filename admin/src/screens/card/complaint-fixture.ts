// A complaint's card for the card's tests: stage 1 under way, one step done, one overdue.

import type { Card, CardComplaint, StepState } from '../../api/types.ts';

const HOUR = 3_600_000;

const step = (s: Partial<StepState> & Pick<StepState, 'step'>): StepState => ({
  windowStartAt: '2026-11-23T07:00:00Z',
  dueAt: null,
  doneAt: null,
  doneBy: null,
  comment: null,
  workingMsLeft: null,
  workingMsLate: null,
  ...s,
});

export const COMPLAINT: CardComplaint = {
  receivedAt: '2026-11-23T07:00:00Z',
  origin: 'site',
  rating: null,
  registeredBy: null,
  responsible: { id: 'u-handler', name: 'Бадыштова К.', email: 'b@example.ru' },
  contactPosition: null,
  situationDate: null,
  performer: null,
  scope: 'external',
  justification: null,
  importance: 'normal',
  satisfied: null,
  loyal: null,
  outcomeSource: null,
  correction: null,
  correctionNote: null,
  correctionRecord: null,
  steps: [
    step({
      step: '1.1',
      dueAt: '2026-11-23T08:00:00Z',
      doneAt: '2026-11-23T07:05:00Z',
      doneBy: { id: 'u3', name: 'Иванов' },
    }),
    step({ step: '1.2', dueAt: '2026-11-23T10:00:00Z', workingMsLeft: -1.5 * HOUR }),
    step({ step: '1.3', dueAt: '2026-11-26T15:00:00Z', workingMsLeft: 20.25 * HOUR }),
    step({ step: '1.4', windowStartAt: null }),
    step({ step: '1.5', windowStartAt: null }),
    step({ step: '1.6', dueAt: '2026-12-10T15:00:00Z', workingMsLeft: 110 * HOUR }),
  ],
  targetAt: '2026-11-30T15:00:00Z',
  workingDayMinutes: 540,
  stage1ClosedAt: null,
  stage2ClosedAt: null,
  closedAt: null,
  surveySentAt: null,
  surveyAnsweredAt: null,
  nonconformities: [],
  related: [
    {
      id: 's2',
      number: '2026-00003',
      type: 'feedback',
      kind: 'complaint',
      status: 'closed',
      createdAt: '2026-03-02T09:00:00Z',
      excerpt: 'Опять долго грузится программа',
      score: null,
      justification: 'partly',
      satisfied: true,
      loyal: false,
      matchedBy: 'inn',
    },
  ],
  calendarKnown: false,
};

export const COMPLAINT_CARD: Card = {
  id: 's7',
  number: '2026-00042',
  type: 'feedback',
  kind: 'complaint',
  status: 'new',
  channel: 'site',
  createdAt: '2026-11-23T07:00:00Z',
  message: 'Программа загружается 3–4 минуты.',
  name: 'Лоськова Галина',
  organization: 'РРМОО',
  inn: '6165456519',
  phone: '+79515113523',
  email: 'client@example.ru',
  page: null,
  lang: 'ru',
  score: null,
  publish: null,
  subject: null,
  employee: null,
  department: { id: 'd1', name: 'ДКС', responsibleName: null, responsibleEmail: null },
  consent: { version: null, at: null, ip: null, userAgent: null },
  attachments: [],
  emails: [],
  history: [],
  review: null,
  complaint: COMPLAINT,
  complaintFromRating: null,
  complaintElsewhere: false,
  answerBy: null,
};

/** The card with its complaint changed. */
export const withComplaint = (patch: Partial<CardComplaint>, card: Partial<Card> = {}): Card => ({
  ...COMPLAINT_CARD,
  ...card,
  complaint: { ...COMPLAINT, ...patch },
});

/** The card with one step changed. */
export const withStep = (s: Partial<StepState> & Pick<StepState, 'step'>): Card =>
  withComplaint({ steps: COMPLAINT.steps.map((x) => (x.step === s.step ? { ...x, ...s } : x)) });
