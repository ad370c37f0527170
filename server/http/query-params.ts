import { z } from 'zod';
import { hasControls } from '../../shared/text-rules.ts';

/**
 * A query parameter as given: trimmed, blank is absent. Control characters are 422 `control`, a
 * value over `max` 422 `tooLong`, as the shared text rules answer in a body.
 * @example z.object({ q: given(200) }).parse({ q: '  ремонт ' }) // { q: 'ремонт' }
 */
export const given = (max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = v?.trim() || undefined;
      if (s === undefined) return undefined;
      if (hasControls(s)) ctx.addIssue({ code: 'custom', message: 'control' });
      else if (s.length > max) ctx.addIssue({ code: 'custom', message: 'tooLong' });
      else return s;
      return z.NEVER;
    });

/**
 * A parameter read by `read`; a value it can't read (null) is 422 `invalid`, an absent one undefined.
 * @example z.object({ limit: param(Number.parseInt) })
 */
export const param = <T>(read: (v: string) => T | null, max = 200) =>
  given(max).transform((v, ctx): T | undefined => {
    if (v === undefined) return undefined;
    const out = read(v);
    if (out !== null) return out;
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  });

/**
 * One of `values`, or absent.
 * @example z.object({ list: oneOfParam(['pending', 'published'] as const) })
 */
export const oneOfParam = <const T extends string>(values: readonly T[]) =>
  param((v) => (values.includes(v as T) ? (v as T) : null));

/**
 * A page's size: 1–`max`, `fallback` when not given.
 * @example z.object({ limit: pageSize(100) }).parse({}) // { limit: 50 }
 */
export const pageSize = (max: number, fallback = 50) =>
  param((v) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : null)).transform(
    (v) => v ?? fallback,
  );

/**
 * A period's end not before its start, both read as instants (ms since the epoch, undefined when
 * not given): else 422 `periodOrder` on `to`, since a reversed period listed nothing as if nothing
 * had happened. For `.superRefine()` on a query holding `from` and `to`.
 * @example z.object({ from: when, to: when }).superRefine(periodInOrder((q) => start(q.from), (q) => end(q.to)))
 */
export const periodInOrder =
  <Q>(start: (q: Q) => number | undefined, end: (q: Q) => number | undefined, field = 'to') =>
  (query: Q, ctx: z.RefinementCtx) => {
    const [a, b] = [start(query), end(query)];
    if (a !== undefined && b !== undefined && b < a)
      ctx.addIssue({ code: 'custom', path: [field], message: 'periodOrder' });
  };
