import { html, SafeHtml } from './html.ts';
import { mailLayout, paragraph, type RenderedMail } from './layout.ts';
import { safeSubject } from './subject.ts';

/** What the employee is sent: his name, his signature page and the snippet itself. */
export interface EmployeeSignatureMail {
  name: string;
  /** `/s/:slug` at the public address: the page with the copy button. */
  pageUrl: string;
  /** The signature snippet as ratings/signature.ts builds it (its own escaping, table HTML). */
  signatureHtml: string;
  /** Who sent it from the console; his address is the Reply-To. */
  sender: string;
}

// The short form of the signature page's own instructions (server/ratings/signature-page.ts):
// the page keeps the full ones, with the HTML code for Thunderbird.
const STEPS = [
  ['Скопируйте подпись', 'откройте страницу подписи по ссылке выше и нажмите «Скопировать подпись».'],
  ['Outlook', 'Файл → Параметры → Почта → Подписи → Создать; вставьте (Ctrl+V) и сохраните.'],
  ['Gmail', 'Настройки → Все настройки → Общие → Подпись → Создать; вставьте и сохраните внизу страницы.'],
  ['Яндекс Почта', 'Настройки → Личные данные, подпись, портрет → Добавить подпись; вставьте.'],
  ['Почта Mail.ru', 'Настройки → Имя отправителя и подпись; вставьте и сохраните.'],
  ['Thunderbird', 'на странице подписи есть HTML-код и как его вставить.'],
] as const;

/**
 * «Ваша подпись для писем: оценка вашей работы»: the employee's signature page link, how to copy
 * it into his mail program, and a preview of the signature. In Russian: it goes to the company's own people.
 */
export function employeeSignature(m: EmployeeSignatureMail, company: string): RenderedMail {
  const subject = safeSubject(`${m.name}: ваша подпись для писем с оценкой работы`);
  const steps = STEPS.map(([what, how]) => html`<li style="margin:4px 0;"><strong>${what}</strong>: ${how}</li>`);
  const body = html`${paragraph(`Здравствуйте, ${m.name}!`)}
${paragraph('Клиенты смогут оценить вашу работу звёздами из подписи ваших писем: оценка приходит вашему руководителю. Добавьте подпись в почтовую программу — это займёт пару минут.')}
${paragraph(html`<a href="${m.pageUrl}" style="display:inline-block;padding:10px 16px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;">Открыть страницу подписи</a>`)}
<ol style="margin:12px 0;padding-left:20px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#111827;">${steps}</ol>
${paragraph('Так подпись увидят клиенты:')}
<div style="margin:8px 0 12px 0;padding:8px 12px;border:1px dashed #d1d5db;">${new SafeHtml(m.signatureHtml)}</div>
${paragraph(html`Ссылка на страницу: <a href="${m.pageUrl}" style="color:#1d4ed8;">${m.pageUrl}</a>. Вопросы — ответом на это письмо (${m.sender}).`)}`;
  const text = [
    `Здравствуйте, ${m.name}!`,
    '',
    'Клиенты смогут оценить вашу работу звёздами из подписи ваших писем: оценка приходит вашему руководителю.',
    'Добавьте подпись в почтовую программу — это займёт пару минут.',
    '',
    `Страница подписи: ${m.pageUrl}`,
    '',
    ...STEPS.map(([what, how], i) => `${i + 1}. ${what}: ${how}`),
    '',
    `Вопросы — ответом на это письмо (${m.sender}).`,
    '',
    `— Otklik, ${company}`,
  ].join('\n');
  return {
    subject,
    html: mailLayout({
      lang: 'ru',
      title: 'Ваша подпись для писем',
      preheader: 'Звёзды в подписи: клиенты оценивают вашу работу',
      body,
      footer: `Otklik · ${company}`,
    }),
    text,
  };
}
