import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/databases.ts';
import { searchCondition, searchPlan, searchTerms } from './search.ts';

let t: TestDb;
afterEach(async () => t?.close());

describe('searchTerms', () => {
  it('adds the digits of something that looks like a phone number, 8 read as the country code 7', () => {
    expect(searchTerms('8 (951) 511-35-23')).toEqual(['8 (951) 511-35-23', '79515113523']);
    expect(searchTerms('  Лоськова\nГалина ')).toEqual(['Лоськова Галина']);
    expect(searchTerms('2026-00042')).toEqual(['2026-00042', '202600042']);
    expect(searchTerms(' \t')).toEqual([]);
  });
});

describe('searchCondition on SQLite', () => {
  it('finds the same rows whether it fetches the matches or walks the newest submissions', async () => {
    t = await openTestDb('sqlite');
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
    const ids = async (q: string, plan: 'lookup' | 'scan') =>
      (
        await t.db
          .selectFrom('submissions')
          .select('id')
          .where(searchCondition(t.db, q, plan))
          .orderBy('created_at', 'desc')
          .execute()
      ).map((r) => r.id);
    for (const q of ['ПЕРЕСОРТ', 'лоськова', 'а №1', '2026-0003']) {
      const lookup = await ids(q, 'lookup');
      expect(lookup.length, q).toBeGreaterThan(0);
      expect(await ids(q, 'scan'), q).toEqual(lookup);
    }
    expect(await searchPlan(t.db, 'пересорт')).toBe('lookup');
  });
});
