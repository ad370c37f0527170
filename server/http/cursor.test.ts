import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, pageQuery } from './cursor.ts';

describe('cursor', () => {
  it('round-trips a position and refuses anything else with a 422 naming cursor', () => {
    const p = { at: '2026-11-23T09:00:00.000Z', id: '019aeb6f-2c1a-7c3e-9b41-5d0e8f7a6c21' };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
    expect(decodeCursor(undefined)).toBeUndefined();
    for (const bad of [
      'garbage',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      // Times and ids are printable ASCII: a NUL inside was a 500 on PostgreSQL.
      encodeCursor({ at: '2026-11-23T09:00:00.000Z\u0000', id: 'a' }),
      encodeCursor({ at: '2026-11-23T09:00:00.000Z', id: 'а' }),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ status: 422, fields: { cursor: 'invalid' } }));
    }
  });

  it('takes a page size of 1–100, 50 when not given, and a cursor of ours', () => {
    const page = z.object(pageQuery());
    expect(page.parse({})).toEqual({ cursor: undefined, limit: 50 });
    expect(page.parse({ limit: '100', cursor: encodeCursor({ at: 'a', id: 'b' }) })).toEqual({
      cursor: { at: 'a', id: 'b' },
      limit: 100,
    });
    for (const bad of ['0', '101', '-1', '1e2', 'ten'])
      expect(page.safeParse({ limit: bad }).error?.issues).toMatchObject([{ path: ['limit'], message: 'invalid' }]);
    expect(page.safeParse({ cursor: 'garbage' }).error?.issues).toMatchObject([
      { path: ['cursor'], message: 'invalid' },
    ]);
  });
});
