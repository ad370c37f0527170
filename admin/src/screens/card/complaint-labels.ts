// The complaint panel's own words; the codes' names come from shared/complaint-process.ts.

import type { CardComplaint, RelatedMessage } from '../../api/types.ts';

export const ORIGIN_LABELS: Record<CardComplaint['origin'], string> = {
  site: 'сайт',
  console: 'вручную',
  rating: 'из оценки',
};

export const MATCHED_BY_LABELS: Record<RelatedMessage['matchedBy'], string> = {
  inn: 'по ИНН',
  email: 'по e-mail',
  phone: 'по телефону',
};

/** Satisfaction and loyalty: yes, no, or not known yet ('' in a select). */
export const YES_NO_UNKNOWN = [
  { value: 'true', label: 'Да' },
  { value: 'false', label: 'Нет' },
];

export const yesNoText = (v: boolean | null) => (v === null ? 'неизвестно' : v ? 'да' : 'нет');

/** What stops a stage or the complaint from closing, by the field the server names (422). */
export const MISSING: Record<string, string> = {
  'step1.5': 'шаг 1.5 «Проверка работоспособности внедрённого решения» не отмечен выполненным',
  justification: 'не указана обоснованность жалобы',
  satisfied: 'неизвестно, удовлетворён ли клиент решением',
  loyal: 'неизвестно, лоялен ли клиент по итогу разбора',
  nonconformities: 'не все корректирующие задачи по несоответствиям выполнены',
  stage: 'сначала закройте этап 1',
};
