import { describe, expect, it } from 'vitest';
import { defencesOffWarning } from './switches-warning.ts';

describe('the warning at start', () => {
  it('names each defence switched off, and says nothing when all are on', () => {
    expect(defencesOffWarning({ captcha: true, rateLimit: 30 })).toBeNull();
    const both = defencesOffWarning({ captcha: false, rateLimit: 0 })!;
    expect(both).toContain('WARNING: spam defences are OFF');
    expect(both).toContain('CAPTCHA=off');
    expect(both).toContain('RATE_LIMIT=0');
    expect(defencesOffWarning({ captcha: true, rateLimit: 0 })).not.toContain('CAPTCHA=off');
  });
});
