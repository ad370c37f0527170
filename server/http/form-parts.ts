import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { FIELD_ERRORS, type FieldErrorCode, type Lang } from '../../shared/i18n.ts';
import { fieldMessage } from './api-error.ts';

/**
 * The pieces every server-rendered form builds its fields from: a field's error next to it, the
 * ARIA that ties the two, and a labelled input keeping what was typed.
 */
export function formParts(
  lang: Lang,
  idPrefix: string,
  values: Record<string, string>,
  errors: Partial<Record<string, FieldErrorCode>>,
  /** What a field's error is about (a refused file's name), said after it. */
  named: Partial<Record<string, string>> = {},
) {
  const err = (field: string) => {
    const code = errors[field];
    return code
      ? html`<div class="error" id="${field}-error">${fieldMessage(FIELD_ERRORS[lang][code], named[field])}</div>`
      : '';
  };
  const aria = (field: string) => (errors[field] ? html` aria-invalid="true" aria-describedby="${field}-error"` : '');
  const input = (field: string, label: string, type: string, autocomplete: string) => html`
    <div class="field"><label for="${idPrefix}-${field}">${label}</label>
    <input id="${idPrefix}-${field}" name="${field}" type="${type}" autocomplete="${autocomplete}" value="${values[field] ?? ''}"${aria(field)}>${err(field)}</div>`;
  return { err, aria, input };
}

/**
 * What went wrong with a post, at the top of its form: a server-rendered page can move the focus
 * only by `autofocus`, so the alert takes it and a screen reader reads it first; `details` (the
 * wrong fields, linked) go under the message.
 * @example formAlert('Проверьте поля формы')
 */
export const formAlert = (message: string, details?: HtmlEscapedString | Promise<HtmlEscapedString>) =>
  html`<div class="alert" role="alert" tabindex="-1" autofocus>${details ? html`<p>${message}</p>${details}` : message}</div>`;

/**
 * What goes under a form's alert: each wrong field named and linked to (the GOV.UK error summary),
 * so that a screen reader's user, whose focus the alert takes, needn't hunt for it. Nothing when
 * nothing is wrong.
 * @example errorSummary([{ href: '#f-email', text: 'E-mail: Проверьте адрес электронной почты' }])
 */
export const errorSummary = (items: ReadonlyArray<{ href: string; text: string }>) =>
  items.length === 0 ? undefined : html`<ul>${items.map((i) => html`<li><a href="${i.href}">${i.text}</a></li>`)}</ul>`;
