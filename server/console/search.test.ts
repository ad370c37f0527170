import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/console-types.ts';
import { DB_KINDS, openTestDb, type TestDb } from '../../test/support/databases.ts';
import { openDb } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';
import { type SearchPlan, searchCondition, searchPlan, searchTerms } from './search.ts';
import { consoleHarness, type Harness } from './testing/harness.ts';

let t: TestDb;
let h: Harness;
afterEach(async () => {
  await t?.close();
  await h?.close();
});

describe('searchTerms', () => {
  it('adds the digits of something that looks like a phone number, 8 read as the country code 7', () => {
    expect(searchTerms('8 (951) 511-35-23')).toEqual(['8 (951) 511-35-23', '79515113523']);
    expect(searchTerms('  Лоськова\nГалина ')).toEqual(['Лоськова Галина']);
    expect(searchTerms('2026-00042')).toEqual(['2026-00042', '202600042']);
    // The start of a number dictated with the trunk 8, set apart: also the stored number's start.
    expect(searchTerms('8 951 511')).toEqual(['8 951 511', '8951511', '+7951511']);
    expect(searchTerms('8951511')).toEqual(['8951511']);
    expect(searchTerms('O-2026-00007')).toEqual(['O-2026-00007', 'О-2026-00007']);
    expect(searchTerms(' \t')).toEqual([]);
  });
});

describe.each(DB_KINDS)('searchCondition (%s)', (kind) => {
  it('finds the same rows whatever its plan: the matches fetched, the newest walked, the rare words’ ids', async () => {
    t = await openTestDb(kind);
    const words = ['пересорт', 'доставка', 'спасибо', 'накладная'];
    for (let i = 0; i < 60; i++) {
      await t.db
        .insertInto('submissions')
        .values({
          id: `id-${String(i).padStart(3, '0')}`,
          number: `2026-${String(i + 1).padStart(5, '0')}`,
          type: 'feedback',
          kind: 'complaint',
          channel: 'site',
          message: `${words[i % 4]} №${i}`,
          name: i % 7 === 0 ? 'Лоськова Галина' : null,
          organization: null,
          inn: null,
          phone: null,
          email: null,
          page: null,
          lang: 'ru',
          consent_version: null,
          consent_at: null,
          consent_ip: null,
          consent_user_agent: null,
          idempotency_key: null,
          response: '{}',
          created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          score: null,
          subject: null,
          employee_id: null,
          department_id: null,
          publish: null,
        })
        .execute();
    }
    const ids = async (q: string, plan: SearchPlan) =>
      (
        await t.db
          .selectFrom('submissions')
          .select('id')
          .where(searchCondition(t.db, q, plan))
          .orderBy('created_at', 'desc')
          .execute()
      ).map((r) => r.id);
    for (const q of ['ПЕРЕСОРТ', 'лоськова', 'а №1', '2026-0003', 'доставки', 'Лоськовой', '12', 'абракадабра']) {
      const plain = await ids(q, {});
      if (q !== 'абракадабра') expect(plain.length, q).toBeGreaterThan(0);
      expect(await ids(q, { scan: true }), q).toEqual(plain);
      expect(await ids(q, await searchPlan(t.db, q)), q).toEqual(plain);
      // A common word's set split at a rowid: the newer part, then the whole for older rows.
      if (kind === 'sqlite') expect(await ids(q, { scan: true, recentFrom: 30 }), q).toEqual(plain);
    }
    if (kind === 'sqlite') expect(await searchPlan(t.db, 'пересорт')).toEqual({ scan: false });
    // PostgreSQL: a rare word is looked up first, its submissions then listed by id.
    else expect((await searchPlan(t.db, 'Лоськовой')).wordIds).toHaveLength(9);
  });
});

for (const kind of DB_KINDS) {
  describe(`inbox search by words (${kind})`, () => {
    const finder = async (harness: Harness) => {
      const qms = await harness.as('qms');
      return async (q: string) => {
        const res = await qms.request(`/api/admin/submissions?q=${encodeURIComponent(q)}`);
        expect(res.status, q).toBe(200);
        return ((await res.json()).items as InboxItem[]).map((i) => i.number).sort();
      };
    };

    it('finds «1С», word forms, an ИНН, a phone in any format, an e-mail and a registration number', async () => {
      h = await consoleHarness(kind);
      const a = await h.feedback({
        message: 'Не работает 1С: отчёт не формируется',
        name: 'Иван Петров',
        organization: 'ИП Гаврилов',
        inn: '7707083893',
        phone: '+7 (863) 200-11-22',
        email: 'ivan.petrov@client.ru',
      });
      const b = await h.feedback({ message: 'Поступила жалоба на курьера', name: 'Семёнова Анна' });
      const c = await h.feedback({ kind: 'thanks', message: 'Спасибо, всё хорошо' });
      // Ratings may get numbers of their own; any number is found whole or in part.
      await h.db.updateTable('submissions').set({ number: 'О-2026-00001' }).where('id', '=', c.id).execute();
      const found = await finder(h);

      // Two characters: a whole word, in any case.
      expect(await found('1С')).toEqual([a.number]);
      expect(await found('1с')).toEqual([a.number]);
      expect(await found('ип')).toEqual([a.number]);
      // Russian word forms.
      expect(await found('Ивана')).toEqual([a.number]);
      expect(await found('жалобы')).toEqual([b.number]);
      expect(await found('жалобой курьеру')).toEqual([b.number]);
      expect(await found('Семеновой')).toEqual([b.number]);
      // A part of a word, with or without «ё» as it is stored or typed.
      expect(await found('Семено')).toEqual([b.number]);
      expect(await found('семёно')).toEqual([b.number]);
      expect(await found('отчёт не форм')).toEqual([a.number]);
      expect(await found('отчеты')).toEqual([a.number]);
      // Every word must be there, in one submission.
      expect(await found('жалобы Ивана')).toEqual([]);
      // The ИНН, the phone as people type it, the e-mail, the numbers.
      expect(await found('7707083893')).toEqual([a.number]);
      for (const phone of [
        '+7 (863) 200-11-22',
        '8 863 2001122',
        '88632001122',
        '200-11-22',
        '8 863 200',
        '8(863)200-1',
      ])
        expect(await found(phone), phone).toEqual([a.number]);
      expect(await found('ivan.petrov@client.ru')).toEqual([a.number]);
      expect(await found(b.number)).toEqual([b.number]);
      expect(await found('О-2026-00001')).toEqual(['О-2026-00001']);
      // A whole number finds that one submission, not the rating whose number ends the same.
      expect(a.number).toBe('2026-00001');
      expect(await found('2026-00001')).toEqual(['2026-00001']);
      expect(await found(' o-2026-00001 ')).toEqual(['О-2026-00001']);
      // As Otklik's own e-mails and cards write them: the sign, the kind and «ИНН» are not stored.
      for (const typed of ['№ 2026-00001', '№2026-00001', 'Жалоба № 2026-00001', 'жалоба 2026-00001'])
        expect(await found(typed), typed).toEqual(['2026-00001']);
      expect(await found('Оценка № О-2026-00001')).toEqual(['О-2026-00001']);
      expect(await found('ИНН 7707083893')).toEqual([a.number]);
      expect(await found('инн: 7707083893')).toEqual([a.number]);
      // A part of one is still a substring.
      expect((await found('2026-0000')).sort()).toEqual([a.number, b.number, 'О-2026-00001'].sort());
      // Stop words alone find nothing, rather than nearly everything.
      expect(await found('и')).toEqual([]);
      expect(await found('с')).toEqual([]);
    });

    it('finds a phrase of repeated words as a substring, whole words and stop words inside it too', async () => {
      h = await consoleHarness(kind);
      const a = await h.feedback({ message: 'Акты 2026 2026 2026 года; ООО ООО «Ромашка»; за за за раз' });
      await h.feedback({ message: 'Акты 2026 года; ООО «Ромашка»; за раз' });
      const found = await finder(h);
      // Neither has all these words: only the substring finds them, its inner words whole or not.
      expect(await found('кты 2026 2026 20')).toEqual([a.number]);
      expect(await found('ОО ООО «Ром')).toEqual([a.number]);
      expect(await found('ка»; за за за ра')).toEqual([a.number]);
      expect(await found('кты 2026 2026 2026 2026')).toEqual([]);
      expect(await found('u ru ru r')).toEqual([]);
    });

    if (kind === 'postgres') {
      it('narrows a phrase of common trigrams by its whole words, through the word index', async () => {
        h = await consoleHarness(kind);
        await h.feedback();
        const plan = await h.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          return trx.selectFrom('submissions').select('id').where(searchCondition(trx, '2026 2026 2026')).explain();
        });
        expect(JSON.stringify(plan)).toMatch(/search_words @@ .*2026/);
      });
    }

    it('refuses a search with no letter or digit (wildcards, punctuation) with a 422 naming q', async () => {
      h = await consoleHarness(kind);
      await h.feedback({ message: '100% предоплата, 50_50 — так договорились' });
      const qms = await h.as('qms');
      for (const q of ['%%%', '___', '—', '%_%_%', '*** ***', '!!!']) {
        const res = await qms.request(`/api/admin/submissions?q=${encodeURIComponent(q)}`, {
          headers: { 'accept-language': 'ru' },
        });
        expect(res.status, q).toBe(422);
        const body = await res.json();
        expect(body.error.code).toBe('validation');
        expect(body.error.fields).toEqual({ q: 'В поиске нужна хотя бы одна буква или цифра' });
      }
      // With a letter or digit, such characters are searched as they are.
      expect(await (await finder(h))('100%')).toHaveLength(1);
    });

    it('keeps the words in step with edits and erasure of a submission', async () => {
      h = await consoleHarness(kind);
      const a = await h.feedback({ name: 'Лоськова Галина' });
      const found = await finder(h);
      expect(await found('Лоськовой')).toEqual([a.number]);
      // An edit of a searched field, by any code (here outside a transaction), is searched as it
      // is committed: SQLite's triggers queue the row, and the commit indexes it.
      await h.db.updateTable('submissions').set({ name: 'Бадыштова Ксения' }).where('id', '=', a.id).execute();
      expect(await found('Лоськовой')).toEqual([]);
      expect(await found('Бадыштовой')).toEqual([a.number]);
      expect(await found('Бадышт')).toEqual([a.number]);
      await h.db.deleteFrom('outbox_state').where('submission_id', '=', a.id).execute();
      await h.db.deleteFrom('submissions').where('id', '=', a.id).execute();
      expect(await found('Бадыштовой')).toEqual([]);
      if (kind === 'sqlite') {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM submissions_words`.execute(h.db);
        expect(rows[0]!.n).toBe(0);
      }
    });

    if (kind === 'postgres') {
      it('searches words through the word index, not by reading every row', async () => {
        h = await consoleHarness(kind);
        await h.feedback();
        const plan = await h.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          return trx.selectFrom('submissions').select('id').where(searchCondition(trx, '1С')).explain();
        });
        expect(JSON.stringify(plan)).toContain('submissions_words');
      });
    }
  });
}

describe('the word index on an installation upgrading (sqlite)', () => {
  it('gets the words of the submissions already there', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-words-'));
    const { db } = openDb({ dataDir });
    try {
      const names = Object.keys(migrations).sort();
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      await migrator.migrateTo(names[names.indexOf('2026-12-04-search-words') - 1]!);
      await sql`INSERT INTO submissions (id, number, type, kind, channel, message, name, lang, response, created_at)
        VALUES ('old', '2025-00001', 'feedback', 'complaint', 'phone', 'Жалоба на 1С', 'Иван Петров', 'ru', '{}',
        '2025-01-01T00:00:00.000Z')`.execute(db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const found = async (q: string) =>
        (await db.selectFrom('submissions').select('id').where(searchCondition(db, q)).execute()).map((r) => r.id);
      expect(await found('жалобы Ивана')).toEqual(['old']);
      expect(await found('1С')).toEqual(['old']);
    } finally {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
