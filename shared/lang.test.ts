import { describe, expect, it } from 'vitest';
import { pickLang } from './lang.ts';

describe('pickLang', () => {
  it('is English only when the first language named is', () => {
    for (const v of ['en', 'EN', 'en-US,en;q=0.9', ' en-GB', '\ten', 'En,ru']) expect(pickLang(v), v).toBe('en');
    for (const v of [null, undefined, '', 'ru', 'ru-RU,en;q=0.9', ',en', 'de', 'e n', 'null'])
      expect(pickLang(v), String(v)).toBe('ru');
  });
});
