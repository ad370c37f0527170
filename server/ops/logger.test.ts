import { logLines } from '../../test/support/log-lines.ts';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, logDestination, logFailure } from './logger.ts';

/** A logger writing readable lines into a string, as a terminal would show them. */
function terminal(env: NodeJS.ProcessEnv = {}) {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  const destination = logDestination(env, true, out);
  return { destination, text: () => text };
}

describe('the log on a terminal', () => {
  it('prints readable lines: a request on one line, a component before its message', () => {
    const t = terminal();
    expect(t.destination).toBeDefined();
    const log = createLogger('info', t.destination);
    log
      .child({ component: 'http' })
      .info({ reqId: 'r1', method: 'POST', route: '/api/v1/feedback', status: 201, ms: 12.3 }, 'request');
    log.child({ component: 'outbox' }).info('3 e-mail(s) sent via resend');
    const lines = t.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: http: POST \/api\/v1\/feedback → 201 \(12\.3 ms\)$/);
    expect(lines[1]).toMatch(/INFO: outbox: 3 e-mail\(s\) sent via resend$/);
  });

  it('stays JSON when stdout is not a terminal, or when LOG_FORMAT=json asks for it', () => {
    expect(logDestination({}, false)).toBeUndefined();
    expect(logDestination({ LOG_FORMAT: 'json' }, true)).toBeUndefined();
    expect(logDestination({ LOG_FORMAT: 'pretty' }, false)).toBeDefined();
    // Empty, as .env.example leaves it: the guess by the terminal.
    expect(logDestination({ LOG_FORMAT: '' }, true)).toBeDefined();
    expect(logDestination({ LOG_FORMAT: ' ' }, false)).toBeUndefined();
  });
});

describe('a failure the server goes on after', () => {
  it('is a JSON line of its component with the error, or a line on stderr without a log', () => {
    const { sink, lines } = logLines();
    logFailure(createLogger('info', sink), 'abuse', new Error('disk I/O error'), 'pruning failed');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        component: 'abuse',
        msg: 'pruning failed',
        err: expect.objectContaining({ message: 'disk I/O error' }),
      }),
    ]);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    logFailure(undefined, 'abuse', new Error('locked'), 'key not read', 'warn');
    expect(stderr).toHaveBeenCalledWith('[abuse] key not read: locked');
    stderr.mockRestore();
  });
});
