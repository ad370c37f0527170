import fc from 'fast-check';

/**
 * Texts that broke real form handlers: SQL and header injection, Unicode edge cases, path
 * traversal, template syntax. Each is a value a field may get; the fuzzer also mixes them with
 * random text.
 */
export const NASTY_STRINGS: readonly string[] = [
  // SQL: quotes, comments, stacked statements, LIKE and FTS syntax
  "' OR '1'='1",
  "'; DROP TABLE submissions; --",
  '" OR ""="',
  '1) UNION SELECT password_hash FROM users --',
  '%_%\\',
  'NEAR(a b) OR * AND "',
  '$1 $$ $$; select pg_sleep(5); $$',
  // header injection: CR/LF and a header after it
  'Иван\r\nBcc: victim@evil.example',
  'client@example.ru\r\nBcc: victim@evil.example',
  'x\nSubject: injected\n\n<b>body</b>',
  '=?utf-8?B?SGk=?=\r\n To: a@b.c',
  'a@b.ru\u0000@c.ru',
  // Unicode edge cases
  '\u0000',
  'до\u0000после',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'отчёт\u202Egpj.exe',
  '\u202D\u202E\u2066\u2067\u2068\u2069',
  '👩‍👩‍👧‍👦🏳️‍🌈🇷🇺',
  '\uD800',
  'конец\uDFFF',
  '\uDBFF\uDFFF\uFFFE\uFFFF',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '\u0007\u0008\u000B\u000C\u001B[31m\u007F\u0085',
  '   ',
  // path traversal and URL tricks
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
  'javascript:alert(1)',
  // template and markup
  '{{constructor.constructor("return process")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is this text
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '__proto__',
  // numbers and words that look like other types
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
];

/** A text of `n` UTF-16 units: just over a field's limit, or far over it (still < 2 MB as UTF-8). */
const longText = fc
  .constantFrom(201, 2001, 5001, 70_000, 300_000)
  .chain((n) => fc.constantFrom('x', 'я', '🙂', '\u0000').map((c) => c.repeat(Math.ceil(n / c.length))));

/** A hostile text: a known bad one, random code points (lone surrogates and NUL included), or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 10 }))
      .map(([a, b]) => `${b}${a}${b}`),
  },
  { weight: 1, arbitrary: longText },
);

/** A hostile value for a JSON field: a hostile text, or a value of the wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, [], {}, [''], { $ne: null }),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A path segment or query value: hostile text, percent-encoded as a client would send it (or not quite). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileString.filter((s) => s.length < 3000).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '?'))),
  fc.constantFrom('%00', '%', '%zz', '%C0%AF', '%ED%A0%80', '..%2f..%2f', '%252e%252e', 'a%0d%0aSet-Cookie:x=1', '😀'),
);
