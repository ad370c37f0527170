import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { logLines } from '../../test/support/log-lines.ts';
import { logErrors } from './log-errors.ts';
import { createLogger } from './logger.ts';

describe('the error log', () => {
  it('says why PostgreSQL could not be reached, at error level, beside a locked SQLite file at warn', async () => {
    const { sink, lines } = logLines();
    const errors = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    ];
    let next = 0;
    const app = new Hono().post('/api/v1/feedback', () => {
      throw errors[next++]!;
    });
    app.onError(logErrors(createLogger('info', sink)));
    for (const _ of errors) expect((await app.request('/api/v1/feedback', { method: 'POST' })).status).toBe(503);
    expect(lines.map((l) => [l.level, l.msg, (l.err as { code?: string } | undefined)?.code])).toEqual([
      [50, 'database unreachable, 503', 'ECONNREFUSED'],
      [40, 'database locked by another process, 503', undefined],
    ]);
  });
});
