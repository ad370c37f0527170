import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Card, InboxCounts, InboxItem, InboxPage } from '../../api/types.ts';
import {
  apiError,
  choose,
  click,
  json,
  META,
  openConsole,
  settle,
  signedIn,
  stubApi,
  type,
  USERS,
} from '../../testing/helpers.tsx';

const row = (n: number, extra: Partial<InboxItem> = {}): InboxItem => ({
  id: `s${n}`,
  number: `2026-${String(n).padStart(5, '0')}`,
  type: 'feedback',
  kind: 'complaint',
  status: 'new',
  channel: 'site',
  createdAt: '2026-11-22T11:05:00Z',
  receivedAt: null,
  excerpt: `Жалоба ${n}`,
  erasedAt: null,
  name: 'Лоськова Галина',
  organization: null,
  email: null,
  phone: null,
  score: null,
  publish: null,
  employee: null,
  subjectTitle: null,
  department: { id: 'd1', name: 'ДКС' },
  review: null,
  complaintNumber: null,
  nextDueAt: null,
  overdue: false,
  ...extra,
});
const COUNTS: InboxCounts = {
  total: 3,
  byKind: { complaint: 2, rating: 1 },
  byStatus: { new: 3 },
  byType: { feedback: 2, rating: 1 },
};

/** Row 7 as its card gives it. */
const CARD_7: Card = {
  id: 's7',
  number: '2026-00007',
  type: 'feedback',
  kind: 'complaint',
  status: 'new',
  channel: 'site',
  createdAt: '2026-11-22T11:05:00Z',
  message: 'Долго грузится программа',
  name: 'Лоськова Галина',
  organization: null,
  inn: null,
  phone: null,
  email: null,
  page: null,
  lang: 'ru',
  score: null,
  publish: null,
  subject: null,
  employee: null,
  department: { id: 'd1', name: 'ДКС', responsibleName: null, responsibleEmail: null },
  consent: { version: null, at: null, ip: null, userAgent: null },
  attachments: [],
  emails: [],
  history: [],
  review: null,
  complaint: null,
  complaintFromRating: null,
  complaintElsewhere: false,
  answerBy: null,
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the inbox', () => {
  it('asks the API with the filters of the URL and shows the rows, user text as text', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, {
        items: [
          row(3),
          row(2, {
            type: 'rating',
            kind: 'rating',
            score: 4,
            excerpt: '<img src=x onerror=alert(1)>',
            review: 'pending',
            employee: { slug: 'ivanov', name: 'Иванов Иван' },
          }),
        ],
        nextCursor: null,
        counts: COUNTS,
      } satisfies InboxPage),
    });
    const c = await openConsole(
      '/admin/?kind=complaint&department=d1&from=2026-11-01&receivedTo=2026-11-30&q=%D0%B3%D1%80%D1%83%D0%B7%D0%B8%D1%82%D1%81%D1%8F&bogus=1',
    );
    expect(api.last('GET', 'submissions')!.query).toEqual({
      kind: 'complaint',
      department: 'd1',
      from: '2026-11-01',
      receivedTo: '2026-11-30',
      q: 'грузится',
      limit: '50',
    });
    expect(c.field<HTMLSelectElement>('Вид').value).toBe('complaint');
    expect(c.field('Регистрация с').value).toBe('2026-11-01');
    expect(c.field('Поступило по').value).toBe('2026-11-30');
    expect((c.$('#inbox-q') as HTMLInputElement).value).toBe('грузится');

    const rows = c.$$('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('/admin/submissions/s3');
    expect(rows[0]!.textContent).toContain('22.11.2026 14:05');
    expect(rows[0]!.textContent).toContain('Жалоба');
    expect(rows[1]!.querySelector('.c-text')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(c.root.querySelector('img')).toBeNull();
    expect(rows[1]!.textContent).toContain('Ждёт модерации');
    expect(rows[1]!.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('Оценка 4 из 5');

    expect(c.$('.summary')!.textContent).toBe('Найдено 3 сообщения');
    expect([...c.field<HTMLSelectElement>('Вид').options].map((o) => o.textContent)).toEqual([
      'Все',
      'Благодарность',
      'Жалоба (2)',
      'Предложение',
      'Оценка (1)',
    ]);
    expect(c.$$('.tabs a').map((a) => a.textContent)).toEqual(['Все3', 'Обращения2', 'Оценки1']);
  });

  it('puts each filter change into the URL, so Back undoes it and a bookmark keeps it', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, { items: [row(1)], nextCursor: null, counts: COUNTS } satisfies InboxPage),
    });
    const c = await openConsole('/admin/');
    const before = history.length;
    await choose(c.field<HTMLSelectElement>('Статус'), 'in_progress');
    expect(location.pathname + location.search).toBe('/admin/?status=in_progress');
    expect(history.length).toBe(before + 1);
    expect(api.last('GET', 'submissions')!.query).toMatchObject({ status: 'in_progress' });

    await type(c.$<HTMLInputElement>('#inbox-q')!, '2026-00042');
    c.$('form[role="search"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(location.search).toBe('?status=in_progress&q=2026-00042');
    expect(api.last('GET', 'submissions')!.query).toMatchObject({ status: 'in_progress', q: '2026-00042' });

    history.back();
    await new Promise((r) => setTimeout(r, 50));
    await settle();
    expect(location.search).toBe('?status=in_progress');
    expect(api.last('GET', 'submissions')!.query).toEqual({ status: 'in_progress', limit: '50' });
    expect(c.field<HTMLSelectElement>('Статус').value).toBe('in_progress');
  });

  it('«Показать ещё» appends the next page by its cursor', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': ({ url }) =>
        url.searchParams.get('cursor') === 'c2'
          ? json(200, { items: [row(1)], nextCursor: null, counts: COUNTS } satisfies InboxPage)
          : json(200, { items: [row(3), row(2)], nextCursor: 'c2', counts: COUNTS } satisfies InboxPage),
    });
    const c = await openConsole('/admin/?type=feedback');
    expect(c.text()).toContain('Показано 2 из 3');
    await click(c.button('Показать ещё'));
    expect(api.last('GET', 'submissions')!.query).toEqual({ type: 'feedback', cursor: 'c2', limit: '50' });
    expect(c.$$('tbody tr').map((r) => r.querySelector('.c-number')!.textContent)).toEqual([
      '2026-00003',
      '2026-00002',
      '2026-00001',
    ]);
    expect(c.$$('button').some((b) => b.textContent === 'Показать ещё')).toBe(false);
    // The button is gone with the last page: focus goes to the first row loaded, not the page's start,
    // and how many came is read out.
    expect(document.activeElement?.closest('tr')?.querySelector('.c-number')?.textContent).toBe('2026-00001');
    expect(c.$('.toast')!.textContent).toBe('Загружено ещё 1. Показаны все');
  });

  it('shows each open complaint’s deadline, says «просрочено» in words, and flags a low rating', async () => {
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, {
        items: [
          row(5, { nextDueAt: '2026-11-20T07:00:00Z', overdue: true, status: 'in_progress' }),
          row(4, { nextDueAt: '2026-11-25T15:00:00Z' }),
          row(3, { status: 'closed' }),
          row(2, { type: 'rating', kind: 'rating', score: 2, excerpt: 'Грубил' }),
          row(1, { type: 'rating', kind: 'rating', score: 3, excerpt: 'Нормально' }),
          row(0, { type: 'rating', kind: 'rating', score: 1, excerpt: 'Хамил', complaintNumber: '2026-00007' }),
        ],
        nextCursor: null,
        counts: COUNTS,
      } satisfies InboxPage),
    });
    const c = await openConsole('/admin/');
    expect(c.$$('thead th').map((th) => th.textContent)).toContain('Срок');
    const due = c.$$('tbody .c-due');
    expect(due.map((d) => d.getAttribute('data-label'))).toEqual(['Срок', 'Срок', 'Срок', 'Срок', 'Срок', 'Срок']);
    // Read out as two words, not «10:00просрочено».
    expect(due[0]!.textContent).toBe('Срок 20.11.2026 10:00 просрочено');
    expect(due[0]!.classList.contains('overdue')).toBe(true);
    expect(due[1]!.textContent).toBe('Срок 25.11.2026 18:00');
    expect(due[1]!.classList.contains('overdue')).toBe(false);
    expect(due[2]!.textContent).toBe('—');
    const texts = c.$$('tbody .c-text').map((t) => t.textContent);
    // Read out with a space before the rating's words; one made a complaint says which.
    expect(texts[3]).toBe('Низкая оценка — возможна жалоба Грубил');
    expect(texts[4]).toBe('Нормально');
    expect(texts[5]).toBe('Стала жалобой № 2026-00007 Хамил');
    expect(texts[0]).toBe('Жалоба 5');
  });

  it('«Только просроченные» and «Сначала ближайший срок» go to the URL and to the API', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, { items: [row(1)], nextCursor: null, counts: COUNTS } satisfies InboxPage),
    });
    const c = await openConsole('/admin/?kind=complaint');
    const overdue = c.field('Только просроченные');
    expect(overdue.checked).toBe(false);
    overdue.click();
    await settle();
    expect(location.search).toBe('?kind=complaint&overdue=1');
    expect(api.last('GET', 'submissions')!.query).toEqual({ kind: 'complaint', overdue: '1', limit: '50' });
    expect(c.field('Только просроченные').checked).toBe(true);

    await choose(c.field<HTMLSelectElement>('Порядок'), 'deadline');
    expect(location.search).toBe('?kind=complaint&overdue=1&sort=deadline');
    expect(api.last('GET', 'submissions')!.query).toEqual({
      kind: 'complaint',
      overdue: '1',
      sort: 'deadline',
      limit: '50',
    });
    expect(c.$('.summary')!.textContent).toBe(
      'Найдено 3 сообщения · открытые жалобы и предложения, сначала ближайший срок',
    );
    expect(c.button(/^Фильтры/).textContent).toBe('Фильтры (3)');

    c.field('Только просроченные').click();
    await settle();
    expect(api.last('GET', 'submissions')!.query).toEqual({ kind: 'complaint', sort: 'deadline', limit: '50' });

    // A hand-edited value the API would refuse is dropped rather than sent.
    c.unmount();
    await openConsole('/admin/?overdue=yes&sort=oldest');
    expect(api.last('GET', 'submissions')!.query).toEqual({ limit: '50' });
  });

  it('offers a handler only his department’s employees in «Сотрудник», others every department’s', async () => {
    const meta = {
      ...META,
      employees: [
        ...META.employees,
        { id: 'e2', slug: 'petrova', name: 'Петрова Анна', position: 'Менеджер', departmentId: 'd2', active: true },
      ],
    };
    const page = json(200, { items: [row(1)], nextCursor: null, counts: COUNTS } satisfies InboxPage);
    const names = (c: Awaited<ReturnType<typeof openConsole>>) =>
      [...c.field<HTMLSelectElement>('Сотрудник').options].map((o) => o.textContent);
    stubApi({ 'GET me': signedIn(USERS.handler), 'GET meta': json(200, meta), 'GET submissions': page });
    const handler = await openConsole('/admin/');
    expect(names(handler)).toEqual(['Все', 'Иванов Иван']);
    handler.unmount();
    stubApi({ 'GET me': signedIn(USERS.qms), 'GET meta': json(200, meta), 'GET submissions': page });
    expect(names(await openConsole('/admin/'))).toEqual(['Все', 'Иванов Иван', 'Петрова Анна']);
  });

  it('names the filter a refusal is about, offers no «Повторить», and drops the figures and exports of the filter before', async () => {
    stubApi({
      'GET me': signedIn(USERS.qms),
      'GET meta': json(200, META),
      'GET submissions': apiError(422, 'validation', 'Проверьте поля формы', {
        receivedTo: 'Конец периода не может быть раньше его начала',
      }),
    });
    const c = await openConsole('/admin/?receivedFrom=2026-11-10&receivedTo=2026-11-09');
    const alert = c.$('[role="alert"]')!;
    expect(alert.textContent).toContain('Поступило по: Конец периода не может быть раньше его начала');
    expect(alert.querySelector('button')).toBeNull();
    expect(c.$('.summary')!.textContent).toBe('');
    expect(c.$$('a').some((a) => a.textContent?.includes('CSV'))).toBe(false);
  });

  it('opens a card in the page and moves focus to its heading', async () => {
    stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'GET submissions': json(200, { items: [row(7)], nextCursor: null, counts: COUNTS } satisfies InboxPage),
      'GET submissions/s7': json(200, CARD_7),
    });
    const c = await openConsole('/admin/?status=new');
    expect(c.$$('label').some((l) => l.textContent === 'Подразделение')).toBe(false); // a handler sees his department only
    await click(c.$('tbody a')!);
    expect(location.pathname).toBe('/admin/submissions/s7');
    expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00007');
    expect(document.activeElement).toBe(c.$('h1'));
    expect(c.$('a.back')!.getAttribute('href')).toBe('/admin/?status=new');
  });

  it('comes back from a card to the rows that were shown, read again, with the row left from focused', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': ({ url }) =>
        url.searchParams.get('cursor') === 'c2'
          ? json(200, {
              items: [row(7, { status: 'in_progress' })],
              nextCursor: 'c3',
              counts: COUNTS,
            } satisfies InboxPage)
          : json(200, { items: [row(9), row(8)], nextCursor: 'c2', counts: COUNTS } satisfies InboxPage),
      'GET submissions/s7': json(200, CARD_7),
    });
    const c = await openConsole('/admin/?status=new');
    await click(c.button('Показать ещё'));
    expect(c.$$('tbody tr')).toHaveLength(3);
    await click(c.$$('tbody a').find((a) => a.textContent === '2026-00007')!);
    expect(location.pathname).toBe('/admin/submissions/s7');
    await click(c.$<HTMLAnchorElement>('a.back')!);
    await vi.waitUntil(() => c.$$('tbody tr').length === 3);
    // Both pages read again, not the first alone; the second not asked twice over.
    expect(
      api.calls.filter((r) => r.method === 'GET' && r.path === 'submissions').map((r) => r.query.cursor ?? null),
    ).toEqual([null, 'c2', null, 'c2']);
    await vi.waitUntil(() => document.activeElement?.textContent === '2026-00007');
    expect(c.button('Показать ещё')).toBeDefined();
  });
});
