import { html, type SafeHtml } from './html.ts';

/** A message ready for the outbox. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
// A client's word without a space (a shared link, «!!!…») wraps instead of widening the e-mail past a
// phone's screen; `word-break` for Gmail and Outlook.com, `overflow-wrap` for the rest.
const WRAP = 'word-break:break-word;overflow-wrap:anywhere;';
const ACCENT = '#1d4ed8';

/**
 * The frame of every Otklik message: nested tables with inline styles, 600 px wide, because
 * Outlook renders with Word and Gmail drops `<style>` in many views.
 */
export function mailLayout(options: {
  lang: string;
  title: string;
  preheader?: string;
  body: SafeHtml;
  footer: SafeHtml | string;
}): string {
  return html`<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${options.preheader ?? ''}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;">
<tr><td style="padding:20px 24px;border-top:4px solid ${ACCENT};${FONT}font-size:18px;line-height:1.3;font-weight:bold;color:#111827;${WRAP}">${options.title}</td></tr>
<tr><td style="padding:4px 24px 20px 24px;${FONT}font-size:14px;line-height:1.5;color:#111827;">${options.body}</td></tr>
<tr><td style="padding:12px 24px;border-top:1px solid #e5e7eb;${FONT}font-size:12px;line-height:1.4;color:#6b7280;${WRAP}">${options.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value;
}

/** A paragraph of body text. */
export function paragraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="margin:12px 0;${FONT}font-size:14px;line-height:1.5;color:#111827;${WRAP}">${content}</p>`;
}

/** A two-column table of labelled values; an empty value shows as a dash. */
export function fieldsTable(rows: ReadonlyArray<readonly [label: string, value: SafeHtml | string | null]>): SafeHtml {
  const cells = rows.map(
    ([label, value]) => html`<tr>
<td valign="top" style="padding:6px 12px 6px 0;border-bottom:1px solid #f3f4f6;${FONT}font-size:13px;line-height:1.4;color:#6b7280;width:30%;">${label}</td>
<td valign="top" style="padding:6px 0;border-bottom:1px solid #f3f4f6;${FONT}font-size:14px;line-height:1.4;color:#111827;${WRAP}">${value === null || value === '' ? '—' : value}</td>
</tr>
`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0;">${cells}</table>`;
}

/** A quoted block, such as the client's own message in his acknowledgement. */
export function quoteBlock(content: SafeHtml): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:12px 0;">
<tr><td style="padding:10px 14px;border-left:4px solid #d1d5db;background-color:#f9fafb;${FONT}font-size:14px;line-height:1.5;color:#374151;${WRAP}">${content}</td></tr>
</table>`;
}

/** The plain-text twin of `fieldsTable`: `Label: value`, continuation lines indented. */
export function textFields(rows: ReadonlyArray<readonly [label: string, value: string | null]>): string {
  return rows
    .map(
      ([label, value]) =>
        `${label}: ${value === null || value === '' ? '—' : value.replace(/\r\n?/g, '\n').replace(/\n/g, '\n    ')}`,
    )
    .join('\n');
}

/** Plain-text quoting, as mail clients do it. */
export function textQuote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
