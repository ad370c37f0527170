import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveEmployee } from './directory/store.ts';
import { ConfigError, loadConfig } from './env.ts';
import { DB_KINDS } from '../test/support/databases.ts';
import { buildTestApp } from '../test/support/test-app.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const consentText = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-consent-')), 'consent.txt');
  fs.writeFileSync(file, text);
  return file;
};

describe('retention and consent settings', () => {
  it('counts the period in days or years, three years by default, and 0 or off keeps data', () => {
    expect(loadConfig({}).retentionDays).toBe(1095);
    expect(loadConfig({ RETENTION_YEARS: '5' }).retentionDays).toBe(1825);
    expect(loadConfig({ RETENTION_DAYS: '30', RETENTION_YEARS: '5' }).retentionDays).toBe(30);
    expect(loadConfig({ RETENTION_YEARS: 'off' }).retentionDays).toBeNull();
    expect(loadConfig({ RETENTION_DAYS: '0' }).retentionDays).toBeNull();
    expect(() => loadConfig({ RETENTION_YEARS: 'three' })).toThrow(/RETENTION_YEARS/);
  });

  it('refuses a consent text of its own without a version of its own', () => {
    expect(() => loadConfig({ CONSENT_FILE: consentText('Согласие') })).toThrow(ConfigError);
    expect(() => loadConfig({ CONSENT_FILE: consentText('Согласие'), CONSENT_VERSION: '2027-01' })).not.toThrow();
  });
});

for (const kind of DB_KINDS) {
  describe(`the consent record (${kind})`, () => {
    async function app(env: Record<string, string> = {}) {
      t = await buildTestApp(kind, { TRUST_PROXY: '1', ...env });
      await saveEmployee(t.db, t.clock, { slug: 'ivanov', name: 'Иванов Иван', managerEmail: 'boss@example.ru' });
      return t;
    }

    const rate = async (fields: Record<string, unknown>) => {
      const res = await t!.app.request('/api/v1/ratings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', 'user-agent': 'Test browser' },
        body: JSON.stringify({
          subject: 'employee',
          employee: 'ivanov',
          score: 4,
          raterToken: crypto.randomUUID(),
          ...fields,
        }),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      return t!.db
        .selectFrom('submissions')
        .select(['consent_version', 'consent_at', 'consent_ip', 'consent_user_agent'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    };

    it('keeps a rating’s IP and user agent only as the record of a consent it carried', async () => {
      await app();
      expect(await rate({ comment: 'Хорошо' })).toEqual({
        consent_version: null,
        consent_at: null,
        consent_ip: null,
        consent_user_agent: null,
      });
      expect(await rate({ publish: true })).toMatchObject({
        consent_version: null,
        consent_at: expect.any(String),
        consent_ip: '203.0.113.9',
        consent_user_agent: 'Test browser',
      });
      expect(await rate({ email: 'anna@example.ru' })).toMatchObject({
        consent_version: '2026-11-22',
        consent_ip: '203.0.113.9',
      });
    });

    it('records the configured version with a message and shows the company’s own text with it', async () => {
      await app({
        CONSENT_VERSION: '2027-01-10',
        CONSENT_FILE: consentText('Я согласен <b>на всё</b>.\n\nВторой абзац.'),
      });
      const res = await t!.app.request('/api/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'thanks', message: 'Спасибо', consent: true }),
      });
      expect(res.status).toBe(201);
      const row = await t!.db.selectFrom('submissions').select('consent_version').executeTakeFirstOrThrow();
      expect(row.consent_version).toBe('2027-01-10');
      const page = await (await t!.app.request('/legal/personal-data')).text();
      expect(page).toContain('<p>Я согласен &lt;b&gt;на всё&lt;/b&gt;.</p>');
      expect(page).toContain('<p>Второй абзац.</p>');
      expect(page).toContain('Версия текста: 2027-01-10');
      const en = await (await t!.app.request('/legal/personal-data?lang=en')).text();
      expect(en).toContain('Version of the text: 2027-01-10');
      // No English file: the Russian text, said to be Russian only and marked so for a screen reader.
      expect(en).toContain('<p class="hint">This text is available in Russian only.</p>');
      expect(en).toContain('<p lang="ru">Второй абзац.</p>');
      expect(page).not.toContain('Russian only');
    });
  });
}
