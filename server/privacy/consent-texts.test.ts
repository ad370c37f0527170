import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../env.ts';
import { buildTestApp } from '../../test/support/test-app.ts';
import { DB_KINDS } from '../../test/support/databases.ts';
import { keepConsentText } from './consent-texts.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-consent-'));
afterEach(async () => t?.close());

/** The company's own consent text in a file, as CONSENT_FILE gives it, with its version. */
function ownConsent(version: string, text: string) {
  const file = path.join(dir, `${version}.txt`);
  fs.writeFileSync(file, text);
  return loadConfig({ DATA_DIR: dir, CONSENT_VERSION: version, CONSENT_FILE: file }).consent;
}

for (const kind of DB_KINDS) {
  describe(`consent texts kept by version (${kind})`, () => {
    it('keeps each version as shown, serves another by ?version=, and says when a text changed under its version', async () => {
      t = await buildTestApp(kind);
      const keep = (consent = t.config.consent) => keepConsentText(t.db, t.clock, t.config.companyName, consent);
      expect(await keep()).toBeNull();
      expect(await keep()).toBeNull();
      const first = await t.db.selectFrom('consent_texts').selectAll().orderBy('lang', 'desc').execute();
      expect(first.map((r) => [r.version, r.lang])).toEqual([
        [t.config.consent.version, 'ru'],
        [t.config.consent.version, 'en'],
      ]);
      expect(first[0]!.html).toContain('152-ФЗ');

      // The company's own text, another version: each is served by its version as it was shown.
      const own = ownConsent('2027-01-15', 'Я согласен на обработку <моих> данных ООО «Пример».');
      expect(await keep(own)).toBeNull();
      const other = await t.app.request('/legal/personal-data?version=2027-01-15');
      expect(other.status).toBe(200);
      const page = await other.text();
      expect(page).toContain('Текст версии 2027-01-15, как он был показан');
      expect(page).toContain('Я согласен на обработку &lt;моих&gt; данных');
      const english = await (await t.app.request('/legal/personal-data?version=2027-01-15&lang=en')).text();
      expect(english).toContain('The text of version 2027-01-15 as it was shown');
      // The version in force is the page itself; one never shown here is none.
      const current = await (await t.app.request(`/legal/personal-data?version=${t.config.consent.version}`)).text();
      expect(current).not.toContain('как он был показан');
      expect(current).toContain('152-ФЗ');
      expect((await t.app.request('/legal/personal-data?version=1999-01-01')).status).toBe(404);
      // As kept, escaped by the page then: «<моих>» is text, not markup.
      const kept = await t.db.selectFrom('consent_texts').select('html').where('version', '=', '2027-01-15').execute();
      expect(kept[0]!.html).toContain('&lt;моих&gt;');

      // The same version with another text: the first stays, and the start says so.
      const changed = ownConsent('2027-01-15', 'Другой текст согласия.');
      expect(await keep(changed)).toMatch(/CONSENT_VERSION=2027-01-15[\s\S]*give it a new version/);
      const still = await t.db.selectFrom('consent_texts').select('html').where('version', '=', '2027-01-15').execute();
      expect(still.map((r) => r.html).join()).not.toContain('Другой текст');
    });
  });
}
