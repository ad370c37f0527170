import type { CardComplaint } from '../../api/types.ts';

/** What the classification form edits, each as its control holds it ('' for none / not known). */
export const CLASSIFICATION_KEYS = [
  'justification',
  'importance',
  'scope',
  'satisfied',
  'loyal',
  'correction',
  'correctionNote',
  'correctionRecord',
  'contactPosition',
  'situationDate',
  'performer',
] as const;
export type ClassificationKey = (typeof CLASSIFICATION_KEYS)[number];
export type ClassificationDraft = Record<ClassificationKey, string>;

const yesNo = (v: boolean | null) => (v === null ? '' : String(v));

export const draftOf = (c: CardComplaint): ClassificationDraft => ({
  justification: c.justification ?? '',
  importance: c.importance,
  scope: c.scope,
  satisfied: yesNo(c.satisfied),
  loyal: yesNo(c.loyal),
  correction: c.correction ?? '',
  correctionNote: c.correctionNote ?? '',
  correctionRecord: c.correctionRecord ?? '',
  contactPosition: c.contactPosition ?? '',
  situationDate: c.situationDate ?? '',
  performer: c.performer ?? '',
});

/**
 * The changed fields only, as the API takes them: null clears, satisfaction and loyalty as booleans.
 * @example changes({ ...d, loyal: 'false' }, d) // { loyal: false }
 */
export function changes(draft: ClassificationDraft, original: ClassificationDraft) {
  const body: Partial<Record<ClassificationKey, string | boolean | null>> = {};
  for (const k of CLASSIFICATION_KEYS) {
    const v = draft[k].trim();
    if (v === original[k]) continue;
    body[k] = v === '' ? null : k === 'satisfied' || k === 'loyal' ? v === 'true' : v;
  }
  return body;
}

// Seed 004, «Классификация жалоб»: the criteria the handler decides by.
export const HINTS = {
  justification:
    'Обоснованная — вина на компании (нарушена технология, не выполнены требования договора, нарушены явные ожидания клиента); частично — вина на обеих сторонах или причину не установить; необоснованная — вина на клиенте.',
  importance:
    'Высокая — существенно нарушены условия договора, клиент может понести убытки при несвоевременной реакции; учитываем долгосрочность сотрудничества, регулярность покупок и платёжный потенциал, высокий риск потери клиента, требование быстрого решения. Обычная — клиент не идёт на контакт или не требует коррекции.',
  scope: 'Внешняя — клиент жалуется на работу компании; внутренняя — один отдел на работу другого.',
  satisfied: 'Клиент доволен предложенным ему решением.',
  loyal: 'Клиент продолжает сотрудничать с компанией после разбора жалобы.',
};
