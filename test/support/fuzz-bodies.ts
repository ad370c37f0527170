import fc from 'fast-check';
import { hostileString, hostileValue } from './fuzz-strings.ts';

/** A body with the content type it claims. */
export interface FuzzBody {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

const enc = new TextEncoder();

/**
 * A payload that starts valid (`base`) and has some fields hostile or of the wrong type, and
 * maybe fields nobody asked for, so that many cases pass validation and reach storage and mail.
 */
export function hostileFields(base: Record<string, unknown>, keys: readonly string[]) {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString });
  const one = fc.tuple(fc.constantFrom(...keys), hostileString).map(([k, v]) => ({ [k]: v }));
  const many = fc.dictionary(key, hostileValue, { maxKeys: 4 });
  return fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: one }, { weight: 2, arbitrary: many }),
      Object.keys(base).length === 0
        ? fc.constant(null)
        : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.constantFrom(...Object.keys(base))),
    )
    .map(([over, dropped]) => {
      const out: Record<string, unknown> = { ...base };
      if (dropped !== null) delete out[dropped];
      // `__proto__` as an own key, as JSON.parse would make it, not the prototype.
      for (const [k, v] of Object.entries(over))
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
      return out;
    });
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json; charset=iso-8859-1',
  'text/plain',
  'application/json-patch+json',
];

/** Deeply nested JSON, up to 100,000 levels (≤ 400 KB). */
const deepJson = fc
  .tuple(fc.constantFrom(10, 1000, 100_000), fc.constantFrom('[', '{"a":'))
  .map(([n, open]) => `${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}`);

/** Valid JSON text broken a little: cut, a byte flipped, a BOM, a trailing comma, a duplicated key. */
function brokenJson(valid: string) {
  return fc.oneof(
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((i) => valid.slice(0, i)),
    fc
      .tuple(fc.nat({ max: valid.length }), fc.constantFrom('"', '\\', '}', ',', '\u0000', '\\u', '\\ud800', ' :'))
      .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i)),
    fc.constantFrom(
      `\uFEFF${valid}`,
      valid.replace(/}$/, ',}'),
      valid.replace(/^{/, '{"kind":"x",'),
      `${valid}${valid}`,
    ),
    fc.constantFrom('', 'null', '[]', '"text"', '42', 'true', '{', 'undefined', "{'a':1}", 'NaN'),
    deepJson,
  );
}

/** Invalid UTF-8 inside a JSON string: lone continuation bytes, overlong forms, a cut sequence. */
const badUtf8Json = fc
  .constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80], [0xd0])
  .map((bytes) => (base: Record<string, unknown>) => {
    const [head, tail] = JSON.stringify({ ...base, message: '@@' }).split('@@') as [string, string];
    return new Uint8Array([...enc.encode(head), ...bytes, ...enc.encode(tail)]);
  });

/** JSON bodies: hostile fields well formed, broken JSON, invalid UTF-8, under a sometimes wrong type. */
export function jsonBodies(base: Record<string, unknown>, keys: readonly string[]): fc.Arbitrary<FuzzBody> {
  const valid = JSON.stringify(base);
  const text = fc.oneof(
    { weight: 6, arbitrary: hostileFields(base, keys).map((f) => JSON.stringify(f) as string | Uint8Array) },
    { weight: 3, arbitrary: brokenJson(valid) },
    { weight: 1, arbitrary: badUtf8Json.map((make) => make(base)) },
  );
  const type = fc.oneof(
    { weight: 5, arbitrary: fc.constant(JSON_TYPES[0]!) },
    { weight: 2, arbitrary: fc.constantFrom(...JSON_TYPES) },
  );
  return fc.tuple(text, type).map(([body, t]) => ({ headers: { 'content-type': t }, body }));
}

/** A field's value as a form sends it: text, or several values under one name. */
const formValue = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => String(x)) : typeof v === 'object' && v !== null ? [JSON.stringify(v)] : [String(v)];

/** URL-encoded bodies: hostile fields, and raw strings with broken percent-escapes and separators. */
export function urlEncodedBodies(base: Record<string, unknown>, keys: readonly string[]): fc.Arbitrary<FuzzBody> {
  const fromFields = hostileFields(base, keys).map((f) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) for (const x of formValue(v)) p.append(k, x);
    return p.toString();
  });
  const raw = fc
    .tuple(
      fc.constantFrom('%', '%zz', '%C0%AF', '%ED%A0%80', '&&&==&', 'message=%00', 'a=1;b=2', '+%2B+', '%FF%FE'),
      fromFields,
    )
    .map(([junk, good]) => `${good}&${junk}&message=${junk}`);
  return fc
    .oneof(fromFields, raw)
    .map((body) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
}

/** One part of a multipart body as written on the wire. */
export interface Part {
  name: string;
  filename?: string;
  type?: string;
  content: string | Uint8Array;
}

/** How a multipart body may be broken. */
export const MULTIPART_FLAWS = [
  'none',
  'no-closing',
  'wrong-boundary',
  'no-boundary-param',
  'lf-only',
  'truncated',
  'garbage-part-headers',
  'quoted-boundary',
  'long-boundary',
] as const;
export type MultipartFlaw = (typeof MULTIPART_FLAWS)[number];

const quote = (s: string) => s.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));

/** Writes parts as multipart/form-data, broken as `flaw` says. Names go on the wire as given. */
export function multipart(parts: Part[], flaw: MultipartFlaw = 'none', rawNames = false): FuzzBody {
  const boundary = flaw === 'long-boundary' ? `b${'x'.repeat(200)}` : '----otklikFuzzBoundary7MA4YWxk';
  const nl = flaw === 'lf-only' ? '\n' : '\r\n';
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const name = rawNames ? p.name : quote(p.name);
    let head = `--${boundary}${nl}Content-Disposition: form-data; name="${name}"`;
    if (p.filename !== undefined) head += `; filename="${rawNames ? p.filename : quote(p.filename)}"`;
    head += nl;
    if (p.type) head += `Content-Type: ${p.type}${nl}`;
    if (flaw === 'garbage-part-headers') head += `X-Junk ${'z'.repeat(100)}${nl}:${nl}`;
    chunks.push(
      enc.encode(`${head}${nl}`),
      typeof p.content === 'string' ? enc.encode(p.content) : p.content,
      enc.encode(nl),
    );
  }
  if (flaw !== 'no-closing' && flaw !== 'truncated') chunks.push(enc.encode(`--${boundary}--${nl}`));
  let body = Buffer.concat(chunks);
  if (flaw === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
  const declared =
    flaw === 'wrong-boundary'
      ? 'multipart/form-data; boundary=somethingElse'
      : flaw === 'no-boundary-param'
        ? 'multipart/form-data'
        : flaw === 'quoted-boundary'
          ? `multipart/form-data; boundary="${boundary}"`
          : `multipart/form-data; boundary=${boundary}`;
  const shown = body.toString('utf8');
  // fast-check prints a counterexample with this: the wire text, not a list of byte values.
  return Object.assign(
    { headers: { 'content-type': declared }, body: new Uint8Array(body) },
    {
      [fc.toStringMethod]: () =>
        `multipart ${flaw} ${JSON.stringify(shown.length > 600 ? `${shown.slice(0, 600)}…` : shown)}`,
    },
  );
}

/** The fields of a payload as text parts of a form. */
export const fieldParts = (fields: Record<string, unknown>): Part[] =>
  Object.entries(fields).flatMap(([name, v]) => formValue(v).map((content) => ({ name, content })));
