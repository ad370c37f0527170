import type { Context, MiddlewareHandler } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Lang } from '../../shared/i18n.ts';
import { russianText } from './russian-text.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

type CompanyEnv = { Variables: { pageCompany: string; cspNonce?: () => string } };

/**
 * Names the company on every page the request renders: each page's `page(c, …)` finds it in the
 * request's context, the error page's too (made far from any config). Not through
 * AsyncLocalStorage (Hono's `contextStorage()`): on Node 20 it hooks every promise of the process,
 * about 18 µs of each API request and 5 of a static file (issue 12 «Speed»).
 * @example app.use('*', pageCompany(config.companyName))
 */
export const pageCompany =
  (name: string): MiddlewareHandler<CompanyEnv> =>
  async (c, next) => {
    c.set('pageCompany', name);
    await next();
  };

/**
 * The shell of every server-rendered page: works without JavaScript, readable on a phone. Its
 * header names the company (COMPANY_NAME), so a client who followed a link from an e-mail knows
 * whose page asks for his rating or shows these reviews. `css`: a page's own rules, a constant of
 * the code (never user text), added to the page's style.
 * @example return c.html(page(c, { lang, title, body }))
 */
export function page(
  c: Context,
  /** `failed`: the page came back with errors, which its title says first, in the tab and to a screen reader. */
  opts: { lang: Lang; title: string; body: Html; head?: Html; css?: string; failed?: boolean },
) {
  const vars = c.var as Partial<CompanyEnv['Variables']>;
  const company = vars.pageCompany;
  // The Content-Security-Policy takes this request's nonce for the page's styles (http/page-policy.ts).
  const nonce = vars.cspNonce?.();
  return html`<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.failed ? FAILED[opts.lang] : ''}${opts.title}</title>
<style${nonce ? html` nonce="${nonce}"` : ''}>${PAGE_CSS}${raw(opts.css ?? '')}</style>
${opts.head ?? ''}
</head>
<body>${company ? html`<header class="company"><div>${russianText(opts.lang, company)}</div></header>` : ''}<main>${opts.body}</main></body>
</html>`;
}

const FAILED: Record<Lang, string> = { ru: 'Ошибка: ', en: 'Error: ' };

const PAGE_CSS = html`
:root { color-scheme: light; --accent: #0b62c4; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2430; background: #f4f6f9; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.company { background: #fff; border-bottom: 1px solid #dde2ea; }
.company div { max-width: 40rem; margin: 0 auto; padding: .75rem 1rem; font-weight: 700; color: #1d2430; overflow-wrap: anywhere; }
.contact { margin-top: -.25rem; }
.notice { border: 1px solid #b3d1f5; background: #eef5fd; color: #123a66; padding: .75rem 1rem; border-radius: 8px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
p { margin: 0 0 1rem; }
a { color: var(--accent); }
.card, otklik-feedback:defined { display: block; background: #fff; border-radius: 12px; padding: 1.25rem; box-shadow: 0 1px 3px rgba(16,24,40,.12); }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
legend, label { display: block; font-weight: 600; margin-bottom: .25rem; }
.kinds { display: flex; flex-wrap: wrap; gap: .5rem; }
.kinds label { font-weight: 400; display: inline-flex; gap: .4rem; align-items: center; padding: .45rem .8rem; border: 1px solid #6b7280; border-radius: 999px; background: #fff; }
.field { margin-bottom: 1rem; }
input[type=text], input[type=email], input[type=tel], textarea { width: 100%; font: inherit; padding: .6rem .7rem; border: 1px solid #6b7280; border-radius: 8px; background: #fff; }
textarea { min-height: 8rem; resize: vertical; }
/* WCAG 1.4.11: a field's border (#6b7280, 4.8:1 on white) and the focus ring (the accent, 5.9:1) stand out at least 3:1. */
input:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
@media (max-width: 480px) { .row { grid-template-columns: 1fr; } }
.hint { color: #556070; font-size: .875rem; font-weight: 400; }
.field > .hint { margin: -.1rem 0 .35rem; }
.url { overflow-wrap: anywhere; }
.error { color: #b42318; font-size: .875rem; margin-top: .25rem; }
.alert { border: 1px solid #f4b2ab; background: #fef3f2; color: #912018; padding: .75rem 1rem; border-radius: 8px; margin-bottom: 1rem; }
[aria-invalid=true] { border-color: #d92d20 !important; }
.consent { display: flex; gap: .6rem; align-items: flex-start; font-weight: 400; }
.consent input { margin-top: .3rem; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 8px; padding: .7rem 1.4rem; cursor: pointer; }
.nowrap { white-space: nowrap; }
.number { font-size: 1.75rem; font-weight: 700; letter-spacing: .02em; margin: .25rem 0 1rem; }
.req { color: #b42318; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.stars { display: flex; gap: .25rem; }
.stars input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.stars label { font-size: 2.5rem; line-height: 1; color: #6b7280; cursor: pointer; padding: 0 .1rem; font-weight: 400; margin: 0; border-radius: 6px; --star: "☆"; }
.stars label > [aria-hidden]::before { content: var(--star); }
.stars label:hover { color: #c26a00; }
/* A chosen star is a filled ★, an unchosen one an outlined ☆: the state is told by the shape, not by the colour
   alone (WCAG 1.4.1). Without JavaScript the radios come in score order; :has() fills the stars up to the chosen
   one, and a browser without :has() still fills the chosen star (a rule of its own: it drops a rule it can't read). */
.stars input:checked + label { color: #c26a00; --star: "★"; }
.stars:has(input[value="1"]:checked) label:nth-of-type(-n+1), .stars:has(input[value="2"]:checked) label:nth-of-type(-n+2),
.stars:has(input[value="3"]:checked) label:nth-of-type(-n+3), .stars:has(input[value="4"]:checked) label:nth-of-type(-n+4),
.stars:has(input[value="5"]:checked) label:nth-of-type(-n+5) { color: #c26a00; --star: "★"; }
.stars input:focus-visible + label { outline: 3px solid var(--accent); outline-offset: 2px; }
.who { font-size: 1.05rem; }
.stars-shown { color: #c26a00; font-size: 2rem; letter-spacing: .1em; margin: 0 0 .5rem; }
.sig { border: 1px dashed #b8c0cc; border-radius: 8px; padding: 1rem; background: #fff; margin-bottom: 1rem; }
textarea.code { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; min-height: 7rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-bottom: 1.5rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
ol { padding-left: 1.25rem; }
/* Published reviews (/reviews). */
.pos { display: block; color: #556070; font-size: .875rem; font-weight: 400; }
.rv-people ul { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: .5rem; }
.rv-people a { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .25rem 1rem; padding: .6rem .9rem; background: #fff; border: 1px solid #dde2ea; border-radius: 10px; color: inherit; text-decoration: none; }
.rv-people a:hover { border-color: var(--accent); }
.rv-people a[aria-current] { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); background: #f5f9ff; }
.rv-people a > span:first-child { min-width: 0; overflow-wrap: anywhere; }
.rv-score { white-space: nowrap; text-align: right; }
.rv-avg { font-weight: 700; }
.rv-avg b, .rv-stars { color: #c26a00; }
.rv-count { color: #556070; font-size: .875rem; }
.rv-summary { font-size: 1.25rem; }
.rv-summary .rv-count { font-size: 1rem; }
.rv-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
.rv-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; margin-bottom: .5rem; }
.rv-head time { color: #556070; font-size: .875rem; }
.rv-stars { font-size: 1.25rem; letter-spacing: .08em; line-height: 1; }
.rv-stars .off { color: #6b7280; }
.rv-text { white-space: pre-line; overflow-wrap: anywhere; }
.rv-meta { margin: 0; color: #556070; font-size: .9375rem; overflow-wrap: anywhere; }
.rv-author { color: #1d2430; font-weight: 600; }
.rv-about strong { font-weight: 600; }
.rv-pager { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-top: 1.5rem; }
@media (forced-colors: active) { .rv-stars .off { color: GrayText; } button { border: 1px solid ButtonText; } }
`;
