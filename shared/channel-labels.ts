/**
 * Where a message came from, in the QMS's words: the console's lists and filters, the e-mails,
 * the reports and the exports say it alike (the inbox said «Визит» where a report said «Личный визит»).
 * @example CHANNEL_LABELS.visit // 'Личный визит'
 */
export const CHANNEL_LABELS: Record<string, string> = {
  site: 'Сайт', // the form or a rating widget on the company's site
  signature: 'Ссылка из подписи сотрудника',
  phone: 'Телефон',
  visit: 'Личный визит',
  letter: 'Письмо',
  email: 'Электронная почта',
  social: 'Социальная сеть',
  connect: '1С-Коннект',
  quality_call: 'Звонок качества',
  internal: 'Внутренняя (от другого отдела)',
};
