import type { Role } from './api/types.ts';

export const KIND_LABELS: Record<string, string> = {
  thanks: 'Благодарность',
  complaint: 'Жалоба',
  suggestion: 'Предложение',
  rating: 'Оценка',
};
export const STATUS_LABELS: Record<string, string> = { new: 'Новое', in_progress: 'В работе', closed: 'Закрыто' };
export { CHANNEL_LABELS } from '../../shared/channel-labels.ts';
/** A yes-or-no answer stored as 'true'/'false' (satisfaction, loyalty). */
export const YES_NO: Record<string, string> = { true: 'Да', false: 'Нет' };
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  qms: 'СМК',
  handler: 'Ответственный подразделения',
  viewer: 'Только просмотр',
};
export const REVIEW_LABELS: Record<string, string> = {
  pending: 'Ждёт модерации',
  approved: 'Опубликован',
  rejected: 'Отклонён',
  unpublished: 'Снят с публикации',
};
export const MAIL_STATUS_LABELS: Record<string, string> = {
  pending: 'В очереди',
  sent: 'Отправлено',
  failed: 'Не отправлено',
};
export const MAIL_TEMPLATE_LABELS: Record<string, string> = {
  'feedback-notification': 'Уведомление СМК',
  'feedback-ack': 'Подтверждение клиенту',
  'rating-notification': 'Руководителю',
  'rating-qms-copy': 'Копия СМК',
  'rating-ack': 'Благодарность клиенту',
  'complaint-assigned': 'Назначение ответственному',
  'complaint-reply': 'Ответ клиенту',
  'complaint-survey': 'Опрос клиенту',
  'complaint-soon': 'Напоминание о сроке',
  'complaint-overdue': 'Срок пропущен',
  'complaint-escalation': 'Эскалация в СМК',
};

/** A code's Russian name, or the code itself when the console doesn't know it yet. */
export const label = (labels: Record<string, string>, code: string | null | undefined) =>
  code ? (labels[code] ?? code) : '—';

export interface Choice {
  value: string;
  label: string;
}

/**
 * The choices of a /meta code list, in the server's order, by our names (the code itself when we
 * have none); before /meta has come, all the codes we know.
 * @example choices(['thanks', 'complaint'], KIND_LABELS) // [{ value: 'thanks', label: 'Благодарность' }, …]
 */
export function choices(codes: readonly string[], labels: Record<string, string>): Choice[] {
  if (codes.length === 0) return Object.entries(labels).map(([value, l]) => ({ value, label: l }));
  return codes.map((code) => ({ value: code, label: labels[code] ?? code }));
}
