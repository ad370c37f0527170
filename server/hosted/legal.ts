import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../../shared/i18n.ts';
import type { ConsentConfig } from '../privacy-config.ts';
import type { Db } from '../db/connection.ts';
import { ApiError } from '../http/api-error.ts';
import { pageLang } from '../http/lang.ts';
import { page } from '../http/page-layout.ts';
import { russianText } from '../http/russian-text.ts';

/** The company's name as russianText gives it: marked Russian on an English page. */
type Company = ReturnType<typeof russianText>;
type Body = (company: Company, version: string) => HtmlEscapedString | Promise<HtmlEscapedString>;
type Agreement = { title: string; body: Body };

/** The two agreements in each language; the consent's version is the same text in both. */
const AGREEMENTS: Record<'personal-data' | 'terms', Record<Lang, Agreement>> = {
  'personal-data': {
    ru: {
      title: 'Согласие на обработку персональных данных',
      body: (
        company,
        version,
      ) => html`<p>Отправляя обращение, я даю ${company} согласие на обработку указанных мной персональных данных (Ф.И.О., организация, ИНН, телефон, адрес электронной почты, текст обращения и приложенные файлы) в целях рассмотрения обращения, связи со мной и контроля качества услуг, в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных».</p>
<p>Вместе с обращением сохраняются версия этого текста, время согласия, IP-адрес и сведения о браузере. Согласие действует до достижения целей обработки и может быть отозвано письменным обращением в ${company}; по запросу компания предоставит или удалит ваши данные.</p>
<p class="hint">Версия текста: ${version}</p>`,
    },
    en: {
      title: 'Consent to the processing of personal data',
      body: (
        company,
        version,
      ) => html`<p>By sending a message, I give ${company} my consent to process the personal data I have given (full name, organisation, INN, phone, e-mail address, the text of the message and the attached files) in order to consider the message, to contact me and to control the quality of services, in accordance with Russian Federal Law No. 152-FZ of 27 July 2006 "On Personal Data".</p>
<p>The version of this text, the time of consent, the IP address and the browser's details are stored with the message. The consent is valid until the purposes of processing are achieved and may be withdrawn by writing to ${company}; on request the company will give you your data or erase it.</p>
<p class="hint">Version of the text: ${version}</p>`,
    },
  },
  terms: {
    ru: {
      title: 'Пользовательское соглашение',
      body: (
        company,
        version,
      ) => html`<p>Форма обратной связи ${company} предназначена для благодарностей, жалоб и предложений о работе компании. Каждому обращению присваивается регистрационный номер; служба менеджмента качества рассматривает обращение в течение 3-х рабочих дней, не считая дня получения.</p>
<p>Не указывайте в обращении пароли, данные банковских карт и сведения о третьих лицах без их согласия. Обращения, содержащие оскорбления или рекламу, могут быть оставлены без ответа.</p>
<p class="hint">Версия текста: ${version}</p>`,
    },
    en: {
      title: 'Terms of use',
      body: (
        company,
        version,
      ) => html`<p>The feedback form of ${company} is for thanks, complaints and suggestions about the company's work. Every message gets a registration number; the quality management service considers it within 3 working days, not counting the day it is received.</p>
<p>Do not put passwords, bank card details or information about other people without their consent in a message. Messages containing insults or advertising may be left unanswered.</p>
<p class="hint">Version of the text: ${version}</p>`,
    },
  },
};

/**
 * The company's own consent text (CONSENT_FILE), paragraph by paragraph, with its version. On the
 * English page without CONSENT_FILE_EN it is the Russian text: said so, and marked Russian for a
 * screen reader's voice.
 */
const ownText =
  (paragraphs: string[], lang: Lang, russianOnly: boolean): Body =>
  (_company, version) =>
    html`${russianOnly ? html`<p class="hint">This text is available in Russian only.</p>\n` : ''}${paragraphs.map((p) => (russianOnly ? html`<p lang="ru">${p}</p>\n` : html`<p>${p}</p>\n`))}<p class="hint">${lang === 'en' ? 'Version of the text' : 'Версия текста'}: ${version}</p>`;

/** An agreement's text as its page shows it in `lang`: the company's own consent text (CONSENT_FILE), or ours. */
function agreementText(path: keyof typeof AGREEMENTS, companyName: string, consent: ConsentConfig, lang: Lang) {
  const own = path === 'personal-data' ? consent.text[lang] : null;
  const body = own ? ownText(own, lang, lang === 'en' && own === consent.text.ru) : AGREEMENTS[path][lang].body;
  return body(russianText(lang, companyName), consent.version);
}

/**
 * The consent's text of this version as its page shows it in `lang`, for privacy/consent-texts.ts
 * to keep.
 * @example await consentText('ООО «Пример»', config.consent, 'ru') // '<p>Отправляя обращение, …'
 */
export const consentText = async (companyName: string, consent: ConsentConfig, lang: Lang): Promise<string> =>
  String(await agreementText('personal-data', companyName, consent, lang));

/**
 * The two agreements the consent checkbox links to, in a generic wording with the company's
 * name (or the company's own consent text, CONSENT_FILE), in the language of `?lang=` (the form's
 * links carry it), else the browser's. A site that has its own points the widget's `privacy-url`
 * and `terms-url` at them. `/personal-data?version=…` shows another version's consent as it was
 * shown (consent_texts), the one a submission of then records; 404 for one never shown here.
 */
export function legalPages(companyName: string, consent: ConsentConfig, db: Db) {
  const app = new Hono();
  for (const [path, texts] of Object.entries(AGREEMENTS) as [keyof typeof AGREEMENTS, Record<Lang, Agreement>][]) {
    app.get(`/${path}`, async (c) => {
      const lang = pageLang(c);
      const { title } = texts[lang];
      const asked = c.req.query('version');
      let text: HtmlEscapedString | Promise<HtmlEscapedString>;
      if (path === 'personal-data' && asked && asked !== consent.version) {
        const kept = await db
          .selectFrom('consent_texts')
          .select('html')
          .where('version', '=', asked)
          .where('lang', '=', lang)
          .executeTakeFirst();
        if (!kept) throw new ApiError(404, 'not_found');
        const shown =
          lang === 'en' ? `The text of version ${asked} as it was shown` : `Текст версии ${asked}, как он был показан`;
        // Kept as this page rendered it then, escaped by its template.
        text = html`<p class="hint">${shown}</p>\n${raw(kept.html)}`;
      } else text = agreementText(path, companyName, consent, lang);
      return c.html(page(c, { lang, title, body: html`<div class="card"><h1>${title}</h1>\n${text}</div>` }));
    });
  }
  return app;
}
