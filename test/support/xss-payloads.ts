/**
 * Known XSS payloads, each calling `__xss(n)` if it ever runs: script tags, event handlers,
 * javascript: URLs, SVG and MathML, attribute and element breakouts, template injection, CSS,
 * mutation XSS and polyglots. All under 200 characters (a name's limit) and trimmed, so that a
 * field stores them as typed.
 */
const PAYLOADS_BY_ID: Array<(n: number) => string> = [
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `<svg onload=__xss(${n})>`,
  (n) => `<svg><script>__xss(${n})</script></svg>`,
  (n) => `"><script>__xss(${n})</script>`,
  (n) => `'><img src=x onerror=__xss(${n})>`,
  (n) => `" autofocus onfocus="__xss(${n})" x="`,
  (n) => `' autofocus onfocus='__xss(${n})' x='`,
  (n) => `javascript:__xss(${n})`,
  (n) => `<a href="javascript:__xss(${n})">ссылка ${n}</a>`,
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  (n) => `<details open ontoggle=__xss(${n})>`,
  (n) => `<body onload=__xss(${n})>`,
  (n) => `<input autofocus onfocus=__xss(${n})>`,
  (n) => `{{constructor.constructor('__xss(${n})')()}}`,
  (n) => `\${__xss(${n})}`,
  (n) => `<div style="width:expression(__xss(${n}))">css ${n}</div>`,
  (n) => `<div style="background:url(javascript:__xss(${n}))">css ${n}</div>`,
  (n) => `</textarea><script>__xss(${n})</script>`,
  (n) => `</title><script>__xss(${n})</script>`,
  (n) => `</style><script>__xss(${n})</script>`,
  (n) => `</script><script>__xss(${n})</script>`,
  (n) => `<!--<img src="--><img src=x onerror=__xss(${n})//">`,
  (n) => `<object data="javascript:__xss(${n})"></object>`,
  (n) => `<form><button formaction=javascript:__xss(${n})>кнопка ${n}</button></form>`,
  (n) =>
    `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=__xss(${n}) )//</stYle/</titLe/</teXtarEa/</scRipt/--!><sVg/<sVg/oNloAd=__xss(${n})//>`,
  (n) => `<img src=x:x onerror=&#95;&#95;xss(${n})>`,
  (n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n) => `строка\u2028\u2029</script><script>__xss(${n})</script>`,
];

/** The corpus: payload `i` calls `__xss(i)`. */
export const XSS_PAYLOADS: readonly string[] = PAYLOADS_BY_ID.map((make, i) => make(i));

/** The payload `k` places after `i`, so that one record's fields each carry a different one. */
export const payload = (i: number) =>
  XSS_PAYLOADS[((i % XSS_PAYLOADS.length) + XSS_PAYLOADS.length) % XSS_PAYLOADS.length]!;
