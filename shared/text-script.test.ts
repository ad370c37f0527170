import { describe, expect, it } from 'vitest';
import { mostlyCyrillic, mostlyLatin } from './text-script.ts';

describe('which alphabet a text is written in', () => {
  it('counts letters only, so that a name beside a company form reads as its own language', () => {
    expect(mostlyCyrillic('ООО «Ромашка» (Romashka)')).toBe(true);
    expect(mostlyCyrillic('Anna, ООО X')).toBe(false);
    expect(mostlyLatin('Late again, ООО')).toBe(true);
    // Digits and signs are no language.
    expect(mostlyLatin('12345 !!!')).toBe(false);
    expect(mostlyCyrillic('12345 !!!')).toBe(false);
  });
});
