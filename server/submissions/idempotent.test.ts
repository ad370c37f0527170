import { describe, expect, it } from 'vitest';
import { requestKey } from './idempotent.ts';

describe('the stored idempotency key', () => {
  const json = { kind: 'complaint', message: 'Счёт выставлен дважды', consent: true, page: 'https://a.example/x' };

  it('is the same for one message sent as JSON, as a form or without its files, from any page', () => {
    const key = requestKey('feedback', 'k-1', undefined, json);
    expect(key).toMatch(/^feedback:k-1~[0-9a-f]{16}$/);
    const form = { kind: 'complaint', message: ' Счёт выставлен дважды ', consent: 'on', name: '', altcha: 'p' };
    expect(requestKey('feedback', undefined, 'k-1', form)).toBe(key);
    const rating = requestKey('rating', 'k-2', undefined, {
      subject: 'employee',
      score: 5,
      publish: true,
      raterToken: 'r',
    });
    expect(requestKey('rating', 'k-2', undefined, { subject: 'employee', score: '5', publish: 'true' })).toBe(rating);
  });

  it('differs for another message under the same key, and for another endpoint', () => {
    const key = requestKey('feedback', 'k-1', undefined, json);
    expect(requestKey('feedback', 'k-1', undefined, { ...json, message: 'Другое' })).not.toBe(key);
    expect(requestKey('feedback', 'k-1', undefined, { ...json, kind: 'thanks' })).not.toBe(key);
    expect(requestKey('rating', 'k-1', undefined, json)).not.toBe(key);
  });

  it('counts the files by their content, in any order', () => {
    const bare = requestKey('feedback', 'k-1', undefined, json);
    const scan = requestKey('feedback', 'k-1', undefined, json, [{ sha256: 'aa' }, { sha256: 'bb' }]);
    expect(scan).not.toBe(bare);
    expect(requestKey('feedback', 'k-1', undefined, json, [{ sha256: 'bb' }, { sha256: 'aa' }])).toBe(scan);
    expect(requestKey('feedback', 'k-1', undefined, json, [])).toBe(bare);
  });

  it('is none without a key, and a hash for a key too long for the column', () => {
    expect(requestKey('feedback', undefined, undefined, json)).toBeUndefined();
    expect(requestKey('feedback', 'k'.repeat(200), undefined, json)).toMatch(/^feedback#[0-9a-f]{64}$/);
  });
});
