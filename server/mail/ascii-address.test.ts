import { describe, expect, it } from 'vitest';
import { asciiAddress } from './ascii-address.ts';

describe('asciiAddress', () => {
  it('writes a Unicode domain in punycode, in a bare address and in a named one', () => {
    expect(asciiAddress('ivan@почта.рф')).toBe('ivan@xn--80a1acny.xn--p1ai');
    expect(asciiAddress('Отклик <otklik@пример.рф>')).toBe('Отклик <otklik@xn--e1afmkfd.xn--p1ai>');
    expect(asciiAddress('anna@bücher.de')).toBe('anna@xn--bcher-kva.de');
  });

  it('leaves an ASCII address, a Unicode local part and a domain that is no name as they are', () => {
    expect(asciiAddress('smk@example.ru')).toBe('smk@example.ru');
    expect(asciiAddress('Otklik <otklik@example.ru>')).toBe('Otklik <otklik@example.ru>');
    expect(asciiAddress('иван@example.ru')).toBe('иван@example.ru');
    expect(asciiAddress('a@exa mple')).toBe('a@exa mple');
  });
});
