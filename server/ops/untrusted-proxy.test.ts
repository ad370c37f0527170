import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from './logger.ts';
import { untrustedProxyWarning } from './untrusted-proxy.ts';

describe('untrustedProxyWarning', () => {
  const serve = (trustProxy: boolean) => {
    const warn = vi.fn();
    const app = new Hono();
    app.use('*', untrustedProxyWarning(trustProxy, { warn } as unknown as Logger));
    app.get('/', (c) => c.text('ok'));
    return { app, warn };
  };

  it('says once that a proxy sends X-Forwarded-For while TRUST_PROXY is off', async () => {
    const { app, warn } = serve(false);
    await app.request('/');
    expect(warn).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) await app.request('/', { headers: { 'X-Forwarded-For': `203.0.113.${i}` } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('set TRUST_PROXY=1');
  });

  it('says nothing when TRUST_PROXY is on', async () => {
    const { app, warn } = serve(true);
    await app.request('/', { headers: { 'X-Forwarded-For': '203.0.113.1' } });
    expect(warn).not.toHaveBeenCalled();
  });
});
