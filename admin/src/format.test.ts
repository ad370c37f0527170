import { describe, expect, it } from 'vitest';
import { formatDateTime, formatSize, plural } from './format.ts';

describe('formatting', () => {
  it("shows instants in Moscow time whatever the computer's zone, as 22.11.2026 14:05", () => {
    expect(formatDateTime('2026-11-22T11:05:00Z')).toBe('22.11.2026 14:05');
    expect(formatDateTime('2026-12-31T21:30:00Z')).toBe('01.01.2027 00:30');
    expect(formatDateTime(null)).toBe('—');
  });

  it('sizes and plurals read naturally', () => {
    expect(formatSize(184_320)).toBe('180 КБ');
    expect(formatSize(1_572_864)).toBe('1,5 МБ');
    expect([1, 3, 5, 11, 21, 22].map((n) => plural(n, 'отзыв', 'отзыва', 'отзывов'))).toEqual([
      'отзыв',
      'отзыва',
      'отзывов',
      'отзывов',
      'отзыв',
      'отзыва',
    ]);
  });
});
