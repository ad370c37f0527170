import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { CONSOLE_FIELD_ERRORS } from '../../shared/console-errors.ts';
import { FIELD_ERRORS } from '../../shared/i18n.ts';
import { type AnyFieldErrorCode, ApiError } from './api-error.ts';
import { jsonBody } from './json-body.ts';

const CODES = new Set<string>([...Object.keys(FIELD_ERRORS.ru), ...Object.keys(CONSOLE_FIELD_ERRORS.ru)]);

/**
 * The project's field errors from zod's issues: each field (the first segment of the issue's
 * path) named once, by its first issue, whose message is a field error code (the console's
 * schemas give one per check); a message that isn't one (zod's own) reads as `invalid`. A strict
 * object's fields it doesn't know are each `unknownField`.
 * @example fieldErrors(schema.safeParse({ role: 'x' }).error.issues) // { role: 'invalid' }
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Partial<Record<string, AnyFieldErrorCode>> {
  // No prototype: a field named «constructor» or «__proto__» is named like any other.
  const fields: Partial<Record<string, AnyFieldErrorCode>> = Object.create(null);
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) if (!Object.hasOwn(fields, key)) fields[key] = 'unknownField';
      continue;
    }
    const field = String(issue.path[0] ?? '');
    if (!Object.hasOwn(fields, field))
      fields[field] = CODES.has(issue.message) ? (issue.message as AnyFieldErrorCode) : 'invalid';
  }
  return fields;
}

/** The failure hook of every console validator: 422 `validation` naming the fields, shaped by onError. */
function refuse(result: { success: boolean; error?: { issues: readonly z.core.$ZodIssue[] } }) {
  if (!result.success) throw new ApiError(422, 'validation', fieldErrors(result.error?.issues ?? []));
}

const firstValues = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

/**
 * The query string checked by a zod schema; read it with `c.req.valid('query')`. A parameter
 * given twice counts by its first value, as `c.req.query(name)` reads it.
 * @example app.get('/', validQuery(z.object({ year: z.string().optional() })), (c) => c.req.valid('query').year)
 */
export const validQuery = <S extends z.ZodType>(schema: S) =>
  zValidator('query', schema, refuse, {
    // zod's own result; the declared type names zod 3's and 4's results at once.
    validationFunction: (s, value) => s.safeParseAsync(firstValues(value as Record<string, unknown>)) as never,
  });

/**
 * The JSON body checked by a zod schema; read it with `c.req.valid('json')`. The body is read by
 * `jsonBody` first, so its answers stay: 415 for another type, 400 for broken JSON or a
 * non-object, and with `emptyIsObject` no body is `{}` whatever its type says.
 * @example app.post('/', validJson(NEW_USER), (c) => c.req.valid('json').email)
 */
export function validJson<S extends z.ZodType>(schema: S, options: { emptyIsObject?: boolean } = {}) {
  // The body as jsonBody reads it is what the schema checks and the route gets (zod-validator's own
  // `c.req.json()` would parse the raw text again, past jsonBody's reading of it). The validator
  // itself is built for its type only: routes read `c.req.valid('json')` by the schema.
  const check = zValidator('json', schema, refuse);
  const read: typeof check = async (c, next) => {
    const result = await schema.safeParseAsync(await jsonBody(c, options));
    refuse(result);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
  return read;
}

/**
 * A JSON object whose fields its feature's own rules read (the calendar, the directory, the
 * complaint process: they check against the database as they go); the wrapper only reads it.
 * @example app.put('/day', validJson(FIELDS), (c) => readCalendarDay(day, c.req.valid('json')))
 */
export const FIELDS = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
);

/**
 * FIELDS holding only the `known` fields: any other is an issue naming it `unknownField`.
 * @example app.put('/hours', validJson(onlyFields(Object.keys(workingHoursSchema))), …)
 */
export const onlyFields = (known: readonly string[]) =>
  FIELDS.superRefine((v, ctx) => {
    for (const k of Object.keys(v))
      if (!known.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'unknownField' });
  });

/**
 * `validJson` of a console action, which may have nothing to say (an «approve»): no body is `{}`.
 * Given the fields the action reads, any other is a 422 naming it: a typo («stauts») never
 * answers 200 having done nothing.
 * @example app.post('/:id/agreed-date', anyFields(['day']), (c) => c.req.valid('json').day)
 */
export const anyFields = (known?: readonly string[]) =>
  validJson(known ? onlyFields(known) : FIELDS, { emptyIsObject: true });
