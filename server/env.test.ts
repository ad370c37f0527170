import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withEnvFile } from './env.ts';

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
      captcha: true,
      rateLimit: 30,
      digest: true,
    });
    expect(loadConfig({ CAPTCHA: 'off', RATE_LIMIT: '0' })).toMatchObject({ captcha: false, rateLimit: 0 });
    expect(loadConfig({ DIGEST: 'off' }).digest).toBe(false);
    // A switch in any case, as README writes it or an operator types it.
    expect(loadConfig({ CAPTCHA: 'OFF', DIGEST: 'Off', DEMO: 'NO', TRUST_PROXY: 'On' })).toMatchObject({
      captcha: false,
      digest: false,
      demo: false,
      trustProxy: true,
    });
    expect(loadConfig({ RETENTION_YEARS: 'OFF' }).retentionDays).toBeNull();
    expect(() => loadConfig({ CAPTCHA: 'of' })).toThrow(/CAPTCHA/);
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads the log level and the metrics token', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', metricsToken: undefined });
    expect(loadConfig({ LOG_LEVEL: 'WARN', METRICS_TOKEN: 'a-long-enough-token' })).toMatchObject({
      logLevel: 'warn',
      metricsToken: 'a-long-enough-token',
    });
    expect(loadConfig({ LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig({ LOG_FORMAT: 'Pretty' })).not.toThrow();
    // A token short enough to guess would protect nothing.
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('turns the demo off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV: must be production or development/);
    // zod's words for checks without ours, as an operator reads them.
    expect(() => loadConfig({ QMS_EMAIL: ',' })).toThrow('QMS_EMAIL: needs at least one address');
    expect(() => loadConfig({ PORT: '1.5' })).toThrow('PORT: must be a whole number');
    expect(() => loadConfig({ MAX_FILE_MB: '0' })).toThrow('MAX_FILE_MB: must be more than 0');
  });

  it('shows no password or secret of a wrong variable, and refuses a sender that is no address', () => {
    const bad = {
      DATABASE_URL: 'postgresq://otklik:S3cretDbPass@db:5432/otklik',
      SMTP_URL: 'smtpx://mailer:Sm7pPass@mail.example.ru:587',
      METRICS_TOKEN: 'short-secret',
      ALTCHA_HMAC_KEY: 'tiny-key',
      MAIL_FROM: 'garbage',
    };
    const msg = (() => {
      try {
        loadConfig(bad);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const name of Object.keys(bad)) expect(msg).toContain(`${name}:`);
    for (const secret of ['S3cretDbPass', 'Sm7pPass', 'short-secret', 'tiny-key']) expect(msg).not.toContain(secret);
    expect(msg).toContain('"postgresq://otklik:***@db:5432/otklik"');
    expect(msg).toContain('METRICS_TOKEN: must be at least 16 characters long (got 12 characters, not shown)');
    expect(msg).toContain('MAIL_FROM: must be an address');
    for (const from of ['otklik@example.ru', 'Otklik <otklik@example.ru>', '"ООО «Пример»" <smk@mail.example.ru>'])
      expect(loadConfig({ MAIL_FROM: from }).mailFrom).toBe(from);
    // A name with quotes or a comma is quoted whole, its quotes escaped.
    expect(loadConfig({ MAIL_FROM: 'ООО "Ромашка & Ко", СМК <otklik@example.ru>' }).mailFrom).toBe(
      '"ООО \\"Ромашка & Ко\\", СМК" <otklik@example.ru>',
    );
    for (const from of ['otklik@localhost', 'Otklik otklik@example.ru', '<otklik@example.ru'])
      expect(() => loadConfig({ MAIL_FROM: from })).toThrow(/MAIL_FROM/);
  });

  it('refuses an SMTP_URL that is no URL, naming it and hiding its password however it is written', () => {
    for (const url of [
      'smtp://otklik@example.ru:Secr3t#Pass@mail.example.ru:587', // the user an address, a # in the password
      'smtp://otklik:Secr3t@Pass@mail.example.ru:587', // an @ in the password: another host
      'smtp://otklik:Secr3tPass@',
      'smtp://otklik:123#Secr3t@mail.example.ru:587', // read as the host «otklik», port 123
      'smtp://otklik:80/Secr3t@mail.example.ru:587',
    ]) {
      const msg = (() => {
        try {
          loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: url });
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(msg, url).toContain('SMTP_URL: is not a URL smtp://user:password@host:587');
      expect(msg, url).toContain('%40');
      expect(msg, url).not.toContain('Secr3t');
    }
    // Its scheme mistyped or the value quoted: no «scheme://» to find the user after, nothing of it shown.
    for (const [name, url] of [
      ['SMTP_URL', 'smtp:/otklik:Secr3t@mail.example.ru'],
      ['SMTP_URL', '"smtp://otklik:Secr3t@mail.example.ru"'],
      ['SMTP_URL', 'otklik:Secr3t@mail.example.ru'],
      ['DATABASE_URL', 'postgres:/otklik:Secr3t@db/otklik'],
      ['DATABASE_URL', ' "postgres://otklik:Secr3t@db/otklik"'],
      ['DATABASE_URL', 'postgresq://db/otklik?sslmode=require&password=Secr3t'],
    ]) {
      const msg = (() => {
        try {
          loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://a:b@mail.example.ru', [name!]: url });
          return '';
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(msg, url).toContain(`${name}:`);
      expect(msg, url).not.toContain('Secr3t');
    }
    expect(
      loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://otklik%40example.ru:Secr3t%23Pass@mail.example.ru:587' })
        .smtpUrl,
    ).toBe('smtp://otklik%40example.ru:Secr3t%23Pass@mail.example.ru:587');
  });

  it('listens where HOST says: an address of the machine, or every one', () => {
    expect(loadConfig({}).host).toBeUndefined();
    for (const host of ['127.0.0.1', '::1', 'localhost', '10.0.0.5'])
      expect(loadConfig({ HOST: host }).host).toBe(host);
    for (const host of ['feedback.example.ru', '127.0.0.1:8787', 'http://127.0.0.1'])
      expect(() => loadConfig({ HOST: host }), host).toThrow(/HOST: must be an IP address/);
  });

  it('takes the addresses the forms take, a Cyrillic domain too', () => {
    expect(loadConfig({ CEO_EMAIL: 'ceo@пример.рф', QMS_EMAIL: 'smk@example.ru, quality@пример.рф' })).toMatchObject({
      ceoEmail: ['ceo@пример.рф'],
      qmsEmail: ['smk@example.ru', 'quality@пример.рф'],
    });
    // A mailbox in Cyrillic needs a server speaking SMTPUTF8: refused, as before.
    for (const wrong of ['ceo@localhost', 'a..b@example.ru', '.a@example.ru', 'a@-x.ru', 'директор@пример.рф'])
      expect(() => loadConfig({ CEO_EMAIL: wrong }), wrong).toThrow(/CEO_EMAIL: is not an e-mail address/);
  });

  it('names each wrong variable', () => {
    const bad = { PORT: 'eighty', DATABASE_URL: 'mysql://x', MAIL_TRANSPORT: 'smtp', QMS_EMAIL: 'not-mail' };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (e) {
      const msg = (e as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'QMS_EMAIL']) expect(msg).toContain(name);
      // In words, not the validation library's («Invalid input: expected number, received NaN»).
      expect(msg).toContain('PORT: is not a number (got "eighty")');
    }
    expect(() => loadConfig({ COMPANY_NAME: ' ' })).toThrow(/COMPANY_NAME: is empty/);
    expect(() => loadConfig({ CONSENT_FILE: '/no/such/consent.txt', CONSENT_VERSION: '2027-01' })).toThrow(
      /^Invalid configuration:\n {2}CONSENT_FILE: can't read the consent text \/no\/such\/consent\.txt \(ENOENT/,
    );
  });

  it('reads a .env file under the real environment, which wins even when empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-env-'));
    const file = path.join(dir, '.env');
    try {
      expect(withEnvFile({ PORT: '1' }, file)).toEqual({ PORT: '1' }); // no file, no change
      fs.writeFileSync(file, '# comment\nPORT=9000\nDATABASE_URL=postgres://db/otklik\nCOMPANY_NAME="ООО «Ромашка»"\n');
      const c = loadConfig(withEnvFile({ DATABASE_URL: '' }, file));
      expect(c).toMatchObject({ port: 9000, databaseUrl: undefined, companyName: 'ООО «Ромашка»' });
      expect(loadConfig(withEnvFile({ PORT: '8080' }, file)).port).toBe(8080);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a number or a folder left empty, and a site that is not an origin', () => {
    for (const name of ['PORT', 'RATE_LIMIT', 'DATA_DIR', 'MAX_FILE_MB']) {
      expect(() => loadConfig({ [name]: '' }), name).toThrow(new RegExp(`${name}: is empty`));
    }
    expect(() =>
      loadConfig({ ALLOWED_ORIGINS: 'https://ok.example, site.example, https://a.example/contacts' }),
    ).toThrow(/ALLOWED_ORIGINS: not an origin: site\.example, https:\/\/a\.example\/contacts;/);
    const taken = loadConfig({
      ALLOWED_ORIGINS: 'https://Site.example/, http://localhost:8080, https://пример.рф, https://shop.example:443, *',
      RATE_LIMIT: '0',
    });
    // As browsers send them in Origin, so that the guard and CORS both find them.
    expect(taken.allowedOrigins).toEqual([
      'https://site.example',
      'http://localhost:8080',
      'https://xn--e1afmkfd.xn--p1ai',
      'https://shop.example',
      '*',
    ]);
    expect(() => loadConfig({ PUBLIC_URL: 'localhost:8941' })).toThrow(
      /PUBLIC_URL: must start with https:\/\/ or http:\/\//,
    );
    // Under a path, e-mails and signatures linked to /otk/r/… beside pages' files at /s/copy.js.
    expect(() => loadConfig({ PUBLIC_URL: 'https://feedback.example.ru/otk' })).toThrow(
      /PUBLIC_URL: must be a scheme and a host, no path/,
    );
    expect(loadConfig({ PUBLIC_URL: 'https://feedback.example.ru/' }).publicUrl).toBe('https://feedback.example.ru');
    expect(taken.rateLimit).toBe(0);
    expect(loadConfig({ ALLOWED_ORIGINS: '' }).allowedOrigins).toEqual([]); // Otklik's own pages only
  });

  it('takes LOG_FORMAT from the .env file at start, before the configuration is read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-env-'));
    try {
      fs.writeFileSync(path.join(dir, '.env'), 'LOG_FORMAT=pretty\nPORT=\n');
      const loader = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
      const run = spawnSync(process.execPath, ['--import', loader, path.resolve('server/index.ts')], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(78);
      // Readable lines, not JSON, though stdout is a pipe: the file asked for them.
      expect(run.stdout).toMatch(/^\[\d\d:\d\d:\d\d\] FATAL: Invalid configuration:\n {2}PORT: is empty/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
