import { describe, expect, it } from 'vitest';
import { moscowInputValue, moscowInstant } from './moscow-time.ts';

describe('the registration time, Moscow wall clock', () => {
  it('shows an instant on the Moscow clock, across midnight too', () => {
    expect(moscowInputValue(new Date('2026-11-23T09:30:45Z'))).toBe('2026-11-23T12:30');
    expect(moscowInputValue(new Date('2026-12-31T22:10:00Z'))).toBe('2027-01-01T01:10');
  });

  it('reads the typed time as Moscow time and refuses what is not a time', () => {
    expect(moscowInstant('2027-01-01T01:10')).toBe('2026-12-31T22:10:00.000Z');
    expect(moscowInstant('')).toBeNull();
    expect(moscowInstant('2026-13-40T10:00')).toBeNull();
    expect(moscowInstant('23.11.2026 12:30')).toBeNull();
  });
});
