import { describe, expect, it } from 'vitest';
import { blankToUndefined, feedbackSchema, fieldErrors } from './feedback-schema.ts';

const parse = (input: Record<string, unknown>) => feedbackSchema.safeParse(blankToUndefined(input));

describe('feedbackSchema', () => {
  it('accepts a full message and normalises it', () => {
    const r = parse({
      kind: 'complaint', message: '  Долго грузится программа  ', name: 'Лоськова Галина',
      organization: 'РРМОО', inn: '6165456519', phone: '8 (951) 511-35-23', email: 'client@пример.рф',
      consent: 'on', page: 'https://example.ru/contacts',
    });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ message: 'Долго грузится программа', phone: '+79515113523', consent: true });
  });

  it('names every wrong field with its code', () => {
    const r = parse({ kind: 'praise', message: '   ', inn: '6165456518', phone: '12', email: 'no-at', consent: 'off' });
    expect(fieldErrors(r.error)).toEqual({
      kind: 'kind', message: 'required', inn: 'inn', phone: 'phone', email: 'email', consent: 'consent',
    });
  });

  it('requires consent even when the field is missing', () => {
    expect(fieldErrors(parse({ kind: 'thanks', message: 'ok' }).error)).toEqual({ consent: 'consent' });
  });

  it('limits the message to 5000 characters after trimming', () => {
    expect(parse({ kind: 'thanks', message: ' ' + 'я'.repeat(5000) + ' ', consent: true }).success).toBe(true);
    expect(fieldErrors(parse({ kind: 'thanks', message: 'я'.repeat(5001), consent: true }).error)).toEqual({ message: 'tooLong' });
  });
});
