import { expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone.ts';

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

it('shows a stored Russian number grouped, and anything else as stored', () => {
  expect(formatPhone('+78632001122')).toBe('+7 863 200-11-22');
  expect(formatPhone('+79515113523')).toBe('+7 951 511-35-23');
  expect(formatPhone(normalizePhone('8 (495) 123-45-67')!)).toBe('+7 495 123-45-67');
  expect(formatPhone('+375291234567')).toBe('+375291234567');
  expect(formatPhone('+7863200112')).toBe('+7863200112');
  expect(formatPhone('по телефону 300-1000')).toBe('по телефону 300-1000');
});
