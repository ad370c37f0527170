import { expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

it('normalises Russian and international numbers to E.164', () => {
  expect(normalizePhone('8 (928) 102-93-80')).toBe('+79281029380');
  expect(normalizePhone('+7 928 102 93 80')).toBe('+79281029380');
  expect(normalizePhone('(951) 5113523')).toBe('+79515113523');
  expect(normalizePhone('79281029380')).toBe('+79281029380');
  expect(normalizePhone('+375 29 123-45-67')).toBe('+375291234567');
  expect(normalizePhone('300-1000')).toBeNull();
  expect(normalizePhone('+7 928 102')).toBeNull();
  expect(normalizePhone('call me')).toBeNull();
});
