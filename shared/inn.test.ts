import { expect, it } from 'vitest';
import { isValidInn } from './inn.ts';

it('checks ИНН of organisations and persons by checksum', () => {
  expect(isValidInn('6165456519')).toBe(true);
  expect(isValidInn('7707083893')).toBe(true); // Сбербанк
  expect(isValidInn('500100732259')).toBe(true);
  expect(isValidInn('6165456518')).toBe(false);
  expect(isValidInn('500100732258')).toBe(false);
  expect(isValidInn('61654565')).toBe(false);
  expect(isValidInn('61654565ab')).toBe(false);
});
