import { parse } from 'csv-parse/sync';
import { Hono } from 'hono';
import readExcelFile from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/report-periods.ts';
import { consoleHarness, type Harness } from '../../console/testing/harness.ts';
import { saveSubject } from '../../directory/store.ts';
import { onError } from '../../http/on-error.ts';
import type { ConsoleEnv } from '../../sessions/context.ts';
import { requireSession } from '../../sessions/require-session.ts';
import { DB_KINDS } from '../../../test/support/databases.ts';
import { reportExportRoutes } from './export-routes.ts';
import { inboxReport } from './inbox-table.ts';
import { HOSTILE, monthlyFixture, weeklyFixture } from './testing/report-fixtures.ts';

let h: Harness;
afterEach(async () => h?.close());

type Asked = { report: string; period: Period; department: { id: string; name: string } | null };

/**
 * The real app with the export routes mounted where the merge mounts them (behind the session at
 * /api/admin/reports), the report builders answering the hand-made fixtures and noting what they were asked.
 */
async function exportApp(kind: (typeof DB_KINDS)[number]) {
  h = await consoleHarness(kind);
  const asked: Asked[] = [];
  const deps = { db: h.db, clock: h.clock, config: h.config };
  const reports = new Hono<ConsoleEnv>();
  reports.use('*', requireSession(deps));
  reports.route(
    '/',
    reportExportRoutes(deps, {
      weekly: async (period, department) => {
        asked.push({ report: 'weekly', period, department });
        return { ...weeklyFixture(), department };
      },
      monthly: async (period, department) => {
        asked.push({ report: 'monthly', period, department });
        return { ...monthlyFixture(), department };
      },
    }),
  );
  const app = new Hono();
  app.onError(onError);
  app.route('/api/admin/reports', reports);
  app.all('*', (c) => h.app.fetch(c.req.raw));
  const signIn = async (role: Parameters<Harness['as']>[0], departmentId: string | null = null) => {
    const s = await h.as(role, departmentId);
    return (path: string) => app.request(path, { headers: { cookie: s.cookie } });
  };
  return { app, asked, signIn };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const kind of DB_KINDS) {
  describe(`report files (${kind})`, () => {
    it('answers each report as a download with its type, name and nosniff', async () => {
      const { signIn, asked } = await exportApp(kind);
      const viewer = await signIn('viewer');
      const cases = [
        ['/weekly.csv?week=2026-W44', 'text/csv; charset=utf-8', 'otklik-weekly-2026-W44.csv'],
        ['/weekly.xlsx?week=2026-W44', XLSX, 'otklik-weekly-2026-W44.xlsx'],
        ['/monthly.csv?period=2026-10', 'text/csv; charset=utf-8', 'otklik-monthly-2026-10.csv'],
        ['/monthly.xlsx?period=2026-10', XLSX, 'otklik-monthly-2026-10.xlsx'],
        ['/inbox.csv', 'text/csv; charset=utf-8', 'otklik-inbox-2026-11-23.csv'],
        ['/inbox.xlsx?kind=complaint', XLSX, 'otklik-inbox-2026-11-23.xlsx'],
      ];
      for (const [path, type, name] of cases) {
        const res = await viewer(`/api/admin/reports${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe(type);
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toBe('private, no-store');
        const body = Buffer.from(await res.arrayBuffer());
        // The inbox is streamed page by page (issue 12): its length isn't known before its end.
        if (path?.startsWith('/inbox')) expect(res.headers.get('content-length')).toBeNull();
        else expect(Number(res.headers.get('content-length'))).toBe(body.byteLength);
        if (type === XLSX) expect((await readExcelFile(body)).length).toBeGreaterThan(0);
        else expect(body.subarray(0, 3).toString('hex')).toBe('efbbbf');
      }
      expect(asked.map((a) => [a.report, a.period.key, a.department])).toEqual([
        ['weekly', '2026-W44', null],
        ['weekly', '2026-W44', null],
        ['monthly', '2026-10', null],
        ['monthly', '2026-10', null],
      ]);
      // Every file taken away is audited: those naming clients (the weekly overdue list, the inbox) and the figures.
      const audited = await h.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'report.export')
        .execute();
      // Written within one fake-clock instant: compared in a fixed order.
      const byReport = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        `${a.report}${a.format}`.localeCompare(`${b.report}${b.format}`);
      expect(audited.map((a) => JSON.parse(a.details) as Record<string, unknown>).sort(byReport)).toEqual([
        { report: 'inbox', format: 'csv', filter: {}, rows: 0 },
        { report: 'inbox', format: 'xlsx', filter: { kind: 'complaint' }, rows: 0 },
        { report: 'monthly', format: 'csv', period: '2026-10', department: null },
        { report: 'monthly', format: 'xlsx', period: '2026-10', department: null },
        { report: 'weekly', format: 'csv', period: '2026-W44', department: null, overdue: 2 },
        { report: 'weekly', format: 'xlsx', period: '2026-W44', department: null, overdue: 2 },
      ]);
    });

    it('refuses a wrong period or department with 422 naming it, and asks for a session', async () => {
      const { app, signIn, asked } = await exportApp(kind);
      const qms = await signIn('qms');
      const field = async (path: string) => {
        const res = await qms(`/api/admin/reports${path}`);
        expect(res.status, path).toBe(422);
        return Object.keys(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields);
      };
      expect(await field('/weekly.csv?week=2026-10')).toEqual(['week']);
      expect(await field('/weekly.xlsx')).toEqual(['week']);
      expect(await field('/monthly.xlsx?period=2026-W44')).toEqual(['period']);
      expect(await field('/monthly.csv?period=2026-13')).toEqual(['period']);
      expect(await field('/monthly.csv?period=2026-Q4&department=nope')).toEqual(['department']);
      expect(await field('/inbox.csv?kind=nonsense')).toEqual(['kind']);
      expect(await field('/inbox.xlsx?from=yesterday')).toEqual(['from']);
      expect(asked).toEqual([]);
      expect((await app.request('/api/admin/reports/inbox.csv')).status).toBe(401);
    });

    it('gives a handler his own department’s reports and only its submissions, and audits each file', async () => {
      const { signIn, asked } = await exportApp(kind);
      const { dks, logistics } = await h.directory();
      const mine = await h.feedback({
        name: 'Лоськова Галина',
        inn: '7707083893',
        message: `Длинное сообщение ${'я'.repeat(300)}`,
      });
      const hostile = await h.feedback({ kind: 'suggestion', name: HOSTILE, phone: '+7 951 511-35-23' });
      const theirs = await h.feedback({ name: 'Чужой Клиент' });
      await h.assign(mine.id, dks);
      await h.assign(hostile.id, dks);
      await h.assign(theirs.id, logistics);

      const handler = await signIn('handler', dks);
      const handlerId = (
        await h.db.selectFrom('users').select('id').where('role', '=', 'handler').executeTakeFirstOrThrow()
      ).id;
      await h.db
        .updateTable('complaints')
        .set({ responsible_user_id: handlerId })
        .where('submission_id', '=', mine.id)
        .execute();
      const own = await handler(`/api/admin/reports/monthly.csv?period=2026&department=${logistics}`);
      // Named by its department too: one file per department doesn't overwrite another.
      expect(own.headers.get('content-disposition')).toBe(
        `attachment; filename="otklik-monthly-2026-10-___.csv"; filename*=UTF-8''otklik-monthly-2026-10-%D0%94%D0%9A%D0%A1.csv`,
      );
      expect(asked[0]).toMatchObject({
        report: 'monthly',
        period: { key: '2026', kind: 'year' },
        department: { id: dks, name: 'ДКС' },
      });

      const csv = parse(Buffer.from(await (await handler('/api/admin/reports/inbox.csv')).arrayBuffer()), {
        bom: true,
        delimiter: ';',
        relax_column_count: true,
      }) as string[][];
      const header = csv[3]!;
      expect(header).toEqual([
        'Номер',
        'Поступило',
        'Зарегистрировано',
        'Тип',
        'Вид',
        'Статус',
        'Канал',
        'Имя',
        'Организация',
        'ИНН',
        'Телефон',
        'E-mail',
        'Подразделение',
        'Сотрудник',
        'Услуга',
        'Оценка',
        'Ближайший срок',
        'Просрочено',
        'Сообщение',
        'Ответственный',
      ]);
      const rows = csv.slice(4);
      expect(rows.map((r) => r[0])).toEqual([hostile.number, mine.number]);
      const col = (r: string[], name: string) => r[header.indexOf(name)];
      expect(col(rows[0]!, 'Имя')).toBe(`'${HOSTILE}`);
      // As the console writes it, a text constant: no guarding apostrophe shown, no number made of it.
      expect(col(rows[0]!, 'Телефон')).toBe('="+7 951 511-35-23"');
      expect(col(rows[0]!, 'Вид')).toBe('Предложение');
      expect(col(rows[1]!, 'ИНН')).toBe('="7707083893"');
      expect([col(rows[1]!, 'Поступило'), col(rows[1]!, 'Зарегистрировано')]).toEqual([
        '23.11.2026 12:00',
        '23.11.2026 12:00',
      ]);
      expect(col(rows[1]!, 'Сообщение')).toBe(`Длинное сообщение ${'я'.repeat(300)}`);
      expect(col(rows[1]!, 'Подразделение')).toBe('ДКС');
      expect([col(rows[0]!, 'Ответственный'), col(rows[1]!, 'Ответственный')]).toEqual(['', 'handler 1']);
      // The complaint's nearest deadline (1.1: an hour after its receipt), as the inbox sorts by.
      expect([col(rows[1]!, 'Ближайший срок'), col(rows[1]!, 'Просрочено')]).toEqual(['23.11.2026 13:00', '']);

      const qms = await signIn('qms');
      const book = await readExcelFile(Buffer.from(await (await qms('/api/admin/reports/inbox.xlsx')).arrayBuffer()));
      const numbers = book[0]!.data.slice(2).map((r) => r[0]);
      expect(numbers).toEqual([theirs.number, hostile.number, mine.number]);
      expect(book[0]!.data[3]![7]).toBe(HOSTILE);
      expect([book[0]!.data[3]![1], book[0]!.data[3]![2]]).toEqual([expect.any(Date), expect.any(Date)]);

      const audit = await h.db
        .selectFrom('audit_log')
        .select(['action', 'user_email', 'details'])
        .where('action', '=', 'report.export')
        .execute();
      // In a fixed order: the rows were written within one fake-clock instant.
      const lines = audit.map((a) => `${a.user_email} ${a.details}`).sort();
      expect(lines.map((l) => [l.split(' ')[0], JSON.parse(l.slice(l.indexOf(' ') + 1))])).toEqual([
        ['handler1@example.ru', { report: 'inbox', format: 'csv', filter: {}, rows: 2 }],
        ['handler1@example.ru', { report: 'monthly', format: 'csv', period: '2026', department: dks }],
        ['qms2@example.ru', { report: 'inbox', format: 'xlsx', filter: {}, rows: 3 }],
      ]);
    });

    it('says in the inbox file’s title which filter made it', async () => {
      const { signIn } = await exportApp(kind);
      await h.directory();
      const dks = (
        await h.db.selectFrom('departments').select('id').where('name', '=', 'ДКС').executeTakeFirstOrThrow()
      ).id;
      const qms = await signIn('qms');
      const title = async (query: string) =>
        (await (await qms(`/api/admin/reports/inbox.csv${query}`)).text())
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]!
          // A cell holding the separator is quoted.
          .replace(/^"(.*)"$/, '$1');
      expect(await title('')).toBe('Обращения по фильтру входящих на 23.11.2026 12:00 МСК');
      expect(
        await title(
          `?kind=complaint&status=new&department=${dks}&channel=visit&from=2026-11-01&to=2026-11-30&q=отчёт&overdue=1`,
        ),
      ).toBe(
        'Обращения по фильтру входящих на 23.11.2026 12:00 МСК: вид: жалоба; статус: новое; подразделение: ДКС; канал: личный визит; зарегистрированы с 01.11.2026 по 30.11.2026; поиск «отчёт»; только просроченные',
      );
    });

    it('pages through every matching row, not one page, in the inbox’s order', async () => {
      h = await consoleHarness(kind);
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push(await h.feedback({ kind: i % 2 ? 'thanks' : 'complaint' }));
      const now = h.clock.now();
      const numbers = async (report: ReturnType<typeof inboxReport>) => {
        const seen = [];
        for await (const rows of report.pages) seen.push(...rows.map((r) => r.number));
        return seen;
      };
      expect(await numbers(inboxReport(h.db, { all: true }, {}, now, 2))).toEqual(sent.map((s) => s.number).reverse());
      expect(await numbers(inboxReport(h.db, { all: true }, { kind: 'complaint' }, now, 2))).toEqual([
        sent[4]!.number,
        sent[2]!.number,
        sent[0]!.number,
      ]);
    });

    it('puts a rated employee under «Сотрудник» and a rated service under «Услуга»', async () => {
      h = await consoleHarness(kind);
      await h.directory();
      await saveSubject(h.db, h.clock, { slug: 'delivery', title: 'Качество доставки', recipients: [] });
      await h.rating({ score: 4 });
      await h.rating({ subject: 'delivery', employee: undefined, score: 3 });
      const rows = [];
      for await (const page of inboxReport(h.db, { all: true }, {}, h.clock.now()).pages) rows.push(...page);
      expect(rows.map((r) => [r.employee, r.subject, r.score])).toEqual([
        [null, 'Качество доставки', 3],
        ['Иванов Иван', null, 4],
      ]);
    });
  });
}
