import type { Importance, ManualChannel } from '../../../../shared/complaint-process.ts';
import { feedbackSchema } from '../../../../shared/feedback-schema.ts';
import { MESSAGE_MAX } from '../../../../shared/limits.ts';
import { check } from '../directory/check.ts';
import { moscowInputValue, moscowInstant } from './moscow-time.ts';

/** What a registrar collects (seed 004 «Для регистрации жалобы необходимо запросить у клиента»). */
export interface Draft {
  channel: ManualChannel;
  receivedAt: string;
  importance: Importance;
  organization: string;
  inn: string;
  name: string;
  contactPosition: string;
  phone: string;
  email: string;
  situationDate: string;
  message: string;
  performer: string;
  departmentId: string;
  /** E-mail the client the acknowledgement with the number (sent only with an address). */
  notifyClient: boolean;
  /** The client's language: his e-mails in English when `en`. */
  lang: 'ru' | 'en';
}

/** An empty draft, received now by phone (the seed's form: «Способ: Телефонный звонок»). */
export const fresh = (): Draft => ({
  channel: 'phone',
  receivedAt: moscowInputValue(new Date()),
  importance: 'normal',
  organization: '',
  inn: '',
  name: '',
  contactPosition: '',
  phone: '',
  email: '',
  situationDate: '',
  message: '',
  performer: '',
  departmentId: '',
  notifyClient: true,
  lang: 'ru',
});

/** The client's details checked as the server checks them, so a typo is shown before sending. */
const CLIENT_SCHEMA = {
  message: feedbackSchema.message,
  inn: feedbackSchema.inn,
  phone: feedbackSchema.phone,
  email: feedbackSchema.email,
};
const CLIENT_WORDS = {
  message: { required: 'Опишите, что произошло', messageTooLong: `Не больше ${MESSAGE_MAX} знаков: сократите текст` },
  inn: { inn: 'Проверьте ИНН: 10 или 12 цифр с верной контрольной суммой' },
  phone: { phone: 'Проверьте номер телефона' },
  email: { email: 'Проверьте адрес e-mail' },
};

/** The body of `POST complaints`: trimmed, blank fields left out, the time as an instant. */
export function body(d: Draft, receivedAt: string, ownDepartment: boolean) {
  const texts = {
    organization: d.organization,
    inn: d.inn,
    name: d.name,
    contactPosition: d.contactPosition,
    phone: d.phone,
    email: d.email,
    situationDate: d.situationDate,
    message: d.message,
    performer: d.performer,
    // A handler's complaint goes to his department whatever is sent: nothing to send.
    departmentId: ownDepartment ? '' : d.departmentId,
  };
  const given = Object.entries(texts)
    .map(([k, v]) => [k, v.trim()] as const)
    .filter(([, v]) => v !== '');
  const notify = d.notifyClient && d.email.trim() !== '' ? { notifyClient: true } : {};
  const english = d.lang === 'en' ? { lang: 'en' } : {};
  return {
    channel: d.channel,
    receivedAt,
    importance: d.importance,
    ...Object.fromEntries(given),
    ...notify,
    ...english,
  };
}

/**
 * What is wrong with the draft before it is sent, by field, with the instant it was received.
 * @example problemsOf({ ...fresh(), message: '' }, new Date()).problems // { name: '…', message: 'Опишите, что произошло' }
 */
export function problemsOf(d: Draft, now: Date): { problems: Record<string, string>; receivedAt: string | null } {
  const r = check(CLIENT_SCHEMA, d, CLIENT_WORDS);
  const problems: Record<string, string> = r.ok ? {} : { ...r.problems };
  if (!d.name.trim() && !d.organization.trim()) problems.name = 'Укажите контактное лицо или организацию';
  const receivedAt = moscowInstant(d.receivedAt);
  if (!receivedAt) problems.receivedAt = 'Укажите дату и время';
  // The server allows a minute of difference between the clocks.
  else if (new Date(receivedAt).getTime() > now.getTime() + 60_000)
    problems.receivedAt = 'Время не может быть в будущем';
  return { problems, receivedAt };
}
