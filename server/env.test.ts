import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('runs with the embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8787,
      databaseUrl: undefined,
      mailTransport: 'file',
      maxFileBytes: 10 * 1024 * 1024,
      demo: true,
      allowedOrigins: ['*'],
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('turns the demo off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(true);
  });

  it('names each wrong variable', () => {
    const bad = { PORT: 'eighty', DATABASE_URL: 'mysql://x', MAIL_TRANSPORT: 'smtp', QMS_EMAIL: 'not-mail' };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (e) {
      const msg = (e as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'QMS_EMAIL']) expect(msg).toContain(name);
    }
  });
});
