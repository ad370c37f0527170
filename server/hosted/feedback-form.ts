import { html } from 'hono/html';
import { fieldMessage } from '../http/api-error.ts';
import { errorSummary, formAlert, formParts } from '../http/form-parts.ts';
import { FIELD_ERRORS, type FieldErrorCode, FORM_TEXTS, type Lang } from '../../shared/i18n.ts';
import { FEEDBACK_KINDS } from '../../shared/feedback-schema.ts';
import { ACCEPTED_FILES } from '../../shared/limits.ts';
import { langPath } from '../http/lang.ts';

export interface FormState {
  values: Record<string, string>;
  errors: Partial<Record<string, FieldErrorCode>>;
  /** The top-level message of a failed post. */
  alert?: string;
  /** A failed post carried files: a browser never keeps a file input's choice across pages. */
  filesLost?: boolean;
  /** What a field's error is about: the refused files' names. */
  named?: Partial<Record<string, string>>;
}

/** Server-only words of the page after a failed post (the widget has its own ways). */
const SUMMARY = {
  ru: {
    consent: 'Согласие на обработку персональных данных',
    filesLost: 'Файлы не сохранились: прикрепите их заново.',
  },
  en: {
    consent: 'Consent to the processing of personal data',
    filesLost: 'The files were not kept: attach them again.',
  },
};

/** The form's fields in the order it shows them, with the id each error links to. */
const FIELDS = ['kind', 'message', 'name', 'organization', 'inn', 'phone', 'email', 'files', 'consent'] as const;

/**
 * The feedback form as plain HTML: a multipart POST to /f that works with JavaScript off.
 * A fresh idempotency key per render makes a resubmitted page count once.
 */
export function feedbackForm(opts: {
  lang: Lang;
  state: FormState;
  idempotencyKey: string;
  maxFileMb: number;
  base: string;
  /** COMPANY_CONTACT: the company's own contact line, at the top of the form as on the seed's. */
  contact: string | null;
  /** When the page was made, signed: a post without JavaScript proves its fill time with it. */
  started: string;
}) {
  const t = FORM_TEXTS[opts.lang];
  const { values: v, errors } = opts.state;
  const named = opts.state.named ?? {};
  const { err, aria, input } = formParts(opts.lang, 'f', v, errors, named);
  const legal = (page: string) => langPath(`${opts.base}legal/${page}`, opts.lang);
  const labels: Record<(typeof FIELDS)[number], string> = {
    kind: t.kindLegend,
    message: t.message,
    name: t.name,
    organization: t.organization,
    inn: t.inn,
    phone: t.phone,
    email: t.email,
    files: t.files,
    consent: SUMMARY[opts.lang].consent,
  };
  const wrong = FIELDS.filter((f) => errors[f]);
  // A file refused says what the form takes; files that were sent and not kept are said in the
  // summary too, which the focus lands on, not only under their field.
  // The kind's message names its choices itself («Выберите: благодарность, …»): no label before it.
  const summary = wrong.map((f) => ({
    href: `#f-${f}`,
    text: `${f === 'kind' ? '' : `${labels[f]}: `}${fieldMessage(FIELD_ERRORS[opts.lang][errors[f]!], named[f])}${f === 'files' ? ` (${t.filesHint(opts.maxFileMb)})` : ''}`,
  }));
  if (summary.length > 0 && opts.state.filesLost && !errors.files)
    summary.push({ href: '#f-files', text: `${labels.files}: ${SUMMARY[opts.lang].filesLost}` });
  const alert = opts.state.alert ? formAlert(opts.state.alert, errorSummary(summary)) : '';
  const filesLost =
    opts.state.filesLost && !errors.files
      ? html`<div class="error" id="files-error">${SUMMARY[opts.lang].filesLost}</div>`
      : '';

  return html`<form class="card" method="post" action="${langPath(`${opts.base}f`, opts.lang)}" enctype="multipart/form-data" novalidate>
  ${opts.contact ? html`<p class="hint contact">${opts.contact}</p>` : ''}
  ${alert}
  <input type="hidden" name="idempotencyKey" value="${opts.idempotencyKey}">
  <input type="hidden" name="started" value="${opts.started}">
  <div style="position:absolute;left:-10000px" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
  <fieldset${aria('kind')}><legend>${t.kindLegend} <span class="req" aria-hidden="true">*</span></legend>
    <div class="kinds">${FEEDBACK_KINDS.map((k, i) => html`<label><input type="radio"${i === 0 ? html` id="f-kind"` : ''} name="kind" value="${k}"${v.kind === k ? ' checked' : ''} required${aria('kind')}> ${t.kinds[k]}</label>`)}</div>${err('kind')}
  </fieldset>
  <div class="field"><label for="f-message">${t.message} <span class="req" aria-hidden="true">*</span></label>
    <textarea id="f-message" name="message" required maxlength="5000"${aria('message')}>${v.message ?? ''}</textarea>${err('message')}</div>
  ${input('name', t.name, 'text', 'name')}
  <div class="row">${input('organization', t.organization, 'text', 'organization')}${input('inn', t.inn, 'text', 'off')}</div>
  <div class="row">${input('phone', t.phone, 'tel', 'tel')}${input('email', t.email, 'email', 'email')}</div>
  <div class="field"><label for="f-files">${t.files}</label><div class="hint" id="files-hint">${t.filesHint(opts.maxFileMb)}</div>
    <input id="f-files" name="files" type="file" multiple accept="${ACCEPTED_FILES}"${errors.files ? html` aria-invalid="true"` : ''} aria-describedby="files-hint${errors.files || filesLost ? ' files-error' : ''}">${err('files')}${filesLost}</div>
  <div class="field"><label class="consent"><input type="checkbox" id="f-consent" name="consent" value="true"${v.consent ? ' checked' : ''} required${aria('consent')}>
    <span>${t.consentBefore}<a href="${legal('personal-data')}">${t.consentPrivacy}</a>${t.consentAnd}<a href="${legal('terms')}">${t.consentTerms}</a> <span class="req" aria-hidden="true">*</span></span></label>${err('consent')}</div>
  <button type="submit">${t.submit}</button>
</form>`;
}
