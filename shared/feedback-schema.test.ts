import { describe, expect, it } from 'vitest';
import { feedbackSchema, validate } from './feedback-schema.ts';
import { FIELD_ERRORS } from './i18n.ts';
import { MESSAGE_MAX } from './limits.ts';

const parse = (input: Record<string, unknown>) => validate(feedbackSchema, input);
const errorsOf = (input: Record<string, unknown>) => {
  const r = parse(input);
  return r.success ? {} : r.errors;
};

describe('feedbackSchema', () => {
  it('accepts a full message and normalises it', () => {
    const r = parse({
      kind: 'complaint',
      message: '  Долго грузится программа  ',
      name: 'Лоськова Галина',
      organization: 'РРМОО',
      inn: '6165 456519',
      phone: '8 (951) 511-35-23',
      email: 'client@пример.рф',
      consent: 'on',
      page: 'https://example.ru/contacts',
      name2: 'ignored',
    });
    expect(r.success && r.data).toEqual({
      kind: 'complaint',
      message: 'Долго грузится программа',
      name: 'Лоськова Галина',
      organization: 'РРМОО',
      inn: '6165456519',
      phone: '+79515113523',
      email: 'client@пример.рф',
      consent: true,
      page: 'https://example.ru/contacts',
    });
  });

  it('names every wrong field with its code', () => {
    expect(
      errorsOf({ kind: 'praise', message: '   ', inn: '6165456518', phone: '12', email: 'no-at', consent: 'off' }),
    ).toEqual({
      kind: 'kind',
      message: 'required',
      inn: 'inn',
      phone: 'phone',
      email: 'email',
      consent: 'consent',
    });
  });

  it('requires consent even when the field is missing, and treats blank optional fields as absent', () => {
    expect(errorsOf({ kind: 'thanks', message: 'ok', email: '  ', phone: '' })).toEqual({ consent: 'consent' });
  });

  it('refuses a mobile written with its trunk 8 and a digit short, which read as another number', () => {
    const phoneOf = (phone: string) => {
      const r = parse({ kind: 'thanks', message: 'x', consent: true, phone });
      return r.success ? r.data.phone : r.errors.phone;
    };
    expect(phoneOf('8 (912) 345-67-8')).toBe('phone');
    expect(phoneOf('8 (912) 345-67-89')).toBe('+79123456789');
    // Ten digits of a city number are a whole national number: St Petersburg's 812, a mobile's 9xx.
    expect(phoneOf('812 123-45-67')).toBe('+78121234567');
    expect(phoneOf('912 345-67-89')).toBe('+79123456789');
  });

  it('checks e-mail addresses', () => {
    // A browser's type=email field sends a Cyrillic domain as punycode (ivan@пример.рф, .рус).
    const punycode = ['ivan@xn--e1afmkfd.xn--p1ai', 'info@xn--80aaxitdbjk.xn--p1acf', 'ivan@mail.xn--p1ai'];
    for (const ok of ['a@b.ru', 'ivan.petrov+smk@mail.example.com', 'клиент@пример.рф', ...punycode])
      expect(errorsOf({ kind: 'thanks', message: 'x', consent: true, email: ok })).toEqual({});
    // An invisible character in a pasted address went raw into the mail headers (To, Reply-To).
    const invisible = ['a\u200b@example.com', 'a@exam\u00adple.ru', '\u202ea@b.ru', 'a@b.ru\u2060'];
    for (const bad of [
      'a@b',
      'a b@c.ru',
      'a@b.r',
      '@b.ru',
      'a@@b.ru',
      'a@b.ru>',
      'a@b.123',
      'a@b.-1',
      'a@10.0.0.12',
      ...invisible,
    ])
      expect(errorsOf({ kind: 'thanks', message: 'x', consent: true, email: bad })).toEqual({ email: 'email' });
  });

  it('counts a message of invisible characters alone as not written', () => {
    for (const message of ['\u200b\u200b\u200b', '\u202e\u2066', ' \u00ad\ufeff '])
      expect(errorsOf({ kind: 'thanks', message, consent: true })).toEqual({ message: 'required' });
    expect(parse({ kind: 'thanks', message: 'Спасибо\u200b', consent: true }).success).toBe(true);
  });

  it('limits the message to 5000 characters after trimming', () => {
    expect(parse({ kind: 'thanks', message: ` ${'я'.repeat(5000)} `, consent: true }).success).toBe(true);
    expect(errorsOf({ kind: 'thanks', message: 'я'.repeat(5001), consent: true })).toEqual({
      message: 'messageTooLong',
    });
  });

  it('says the message limit where a long message is refused, in both languages', () => {
    expect(FIELD_ERRORS.ru.messageTooLong).toContain(String(MESSAGE_MAX));
    expect(FIELD_ERRORS.en.messageTooLong).toContain(String(MESSAGE_MAX));
  });
});
