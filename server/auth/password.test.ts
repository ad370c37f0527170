import { describe, expect, it } from 'vitest';
import { hashPassword, oneTimePassword, verifyDummy, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('stores scrypt with its cost, a 16-byte salt and the hash, and verifies only the right password', async () => {
    const stored = await hashPassword('правильный пароль');
    const [name, N, r, p, salt, hash] = stored.split('$');
    expect([name, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64url')).toHaveLength(32);
    expect(await verifyPassword('правильный пароль', stored)).toBe(true);
    expect(await verifyPassword('правильный парол', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it("salts every hash, so equal passwords don't look equal", async () => {
    const cheap = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('same password', cheap)).not.toBe(await hashPassword('same password', cheap));
  });

  it('verifies a hash made with another cost: the string says how it was made', async () => {
    const stored = await hashPassword('old cheap hash', { N: 1024, r: 8, p: 1 });
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('old cheap hash', stored)).toBe(true);
  });

  it('refuses malformed or absurd stored strings instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1000$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$4194304$8$1$AAAA$AAAA')).toBe(false);
  });

  it('spends about as long on an unknown account as on a real one', async () => {
    const stored = await hashPassword('a real password');
    await verifyDummy('warm-up');
    const time = async (f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    const real = await time(() => verifyPassword('a wrong password', stored));
    const dummy = await time(() => verifyDummy('a wrong password'));
    expect(dummy).toBeGreaterThan(real / 3);
  });

  it('makes readable one-time passwords of 16 random characters', () => {
    const a = oneTimePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(a).not.toMatch(/[01OIl]/);
    expect(new Set(Array.from({ length: 50 }, oneTimePassword)).size).toBe(50);
  });
});
