import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Card, HistoryEvent } from '../../api/types.ts';
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

const CARD: Card = {
  id: 's1',
  number: '2026-00012',
  type: 'feedback',
  kind: 'thanks',
  status: 'new',
  channel: 'site',
  createdAt: '2026-11-22T11:05:00Z',
  message: 'Спасибо <b>Ивану</b>!\nНо звонить пришлось дважды.',
  name: 'Лоськова Галина',
  organization: 'РРМОО',
  inn: '6165456518',
  phone: '+79123456789',
  email: 'client@example.ru',
  page: 'javascript:alert(1)',
  lang: 'ru',
  score: null,
  publish: null,
  subject: null,
  employee: { id: 'e1', slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', active: true },
  department: { id: 'd1', name: 'ДКС', responsibleName: null, responsibleEmail: null },
  attachments: [{ id: 'a1', filename: 'акт.pdf', mime: 'application/pdf', size: 2048, sha256: 'ab'.repeat(32) }],
  consent: { version: '2026-11-01', at: '2026-11-22T11:05:00Z', ip: '203.0.113.7', userAgent: 'Firefox' },
  emails: [
    {
      id: 'm1',
      template: 'feedback-ack',
      to: ['client@example.ru'],
      subject: 'Ваше обращение № 2026-00012 зарегистрировано',
      status: 'failed',
      attempts: 10,
      createdAt: '2026-11-22T11:05:00Z',
      sentAt: null,
      lastError: 'mailbox unavailable',
    },
  ],
  history: [
    {
      id: 'h1',
      at: '2026-11-22T12:00:00Z',
      user: { id: 'u2', name: 'Ольга Смирнова' },
      type: 'status',
      data: { from: 'new', to: 'in_progress' },
    },
  ],
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

describe('the card', () => {
  it('shows every field, the file, the consent, the e-mails and the history, user text as text', async () => {
    stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET submissions/s1': json(200, CARD) });
    const c = await openConsole('/admin/submissions/s1');
    expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00012');
    expect(c.$('.message')!.textContent).toBe('Спасибо <b>Ивану</b>!\nНо звонить пришлось дважды.');
    expect(c.root.querySelector('.message b')).toBeNull();
    for (const s of [
      'Лоськова Галина',
      '6165456518',
      '+7 912 345-67-89', // stored as +79123456789
      'Иванов Иван',
      'ДКС',
      '2026-11-01',
      '203.0.113.7',
      'Не отправлено',
      'mailbox unavailable',
    ])
      expect(c.text()).toContain(s);
    expect(c.$('a[download]')!.getAttribute('href')).toBe('/api/admin/submissions/s1/attachments/a1');
    expect(c.$('a[href^="tel:"]')!.getAttribute('href')).toBe('tel:+79123456789');
    expect(c.$$('a').some((a) => a.getAttribute('href')?.startsWith('javascript:'))).toBe(false);
    expect(c.$('.timeline')!.textContent).toContain('Изменён статус · Ольга СмирноваНовое → В работе');
  });

  it('says the text and the contacts were erased, not that the client left none', async () => {
    const erased: Card = {
      ...CARD,
      message: '',
      email: null,
      consent: { ...CARD.consent, erasedAt: '2026-12-01T09:00:00Z' },
    };
    stubApi({ 'GET me': signedIn(), 'GET meta': json(200, META), 'GET submissions/s1': json(200, erased) });
    const c = await openConsole('/admin/submissions/s1');
    const message = c.$('[aria-labelledby="card-message"]')!.textContent;
    expect(message).toContain('Текст удалён с персональными данными 01.12.2026');
    expect(message).not.toContain('Без комментария');
  });

  it('sends only what changed, and says «Сохранено»', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions/s1': json(200, CARD),
      'PATCH submissions/s1': json(200, {
        ...CARD,
        kind: 'complaint',
        department: { id: 'd2', name: 'ОПР', responsibleName: null, responsibleEmail: null },
      } satisfies Card),
    });
    const c = await openConsole('/admin/submissions/s1');
    expect(c.button('Сохранить').disabled).toBe(true);
    await choose(c.field<HTMLSelectElement>('Вид'), 'complaint');
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd2');
    c.button('Сохранить').focus();
    await click(c.button('Сохранить'));
    await settle();
    // The form is drawn anew with what was saved: its heading keeps the keyboard's place, not the page's top.
    expect(document.activeElement?.id).toBe('card-manage');
    const patch = api.last('PATCH', 'submissions/s1')!;
    expect(patch.body).toEqual({ kind: 'complaint', departmentId: 'd2' });
    expect(patch.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Сохранено');
    expect(c.$('.page-title')!.textContent).toContain('Жалоба');
    // Another action that fails takes «Сохранено» off the screen: it no longer speaks of the last action.
    await click(c.button('Добавить комментарий'));
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('');
  });

  it('adds an internal comment to the history, as text', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'GET submissions/s1': json(200, CARD),
      'POST submissions/s1/comments': ({ body }) =>
        json(201, {
          id: 'h2',
          at: '2026-11-22T13:00:00Z',
          user: { id: 'u3', name: 'Ксения' },
          type: 'comment',
          data: body as { text: string },
        } satisfies HistoryEvent),
    });
    const c = await openConsole('/admin/submissions/s1');
    // A handler changes the status of his department's submissions, nothing else.
    expect(c.$$('.card-side label').map((l) => l.textContent)).toEqual(['Статус', 'Текст']);
    await click(c.button('Добавить комментарий'));
    expect(c.errorOf(c.field('Текст'))).toBe('Напишите комментарий');
    await type(c.field<HTMLTextAreaElement>('Текст'), '<img src=x onerror=alert(1)>');
    // Typed and not added yet: leaving the page asks first.
    const reload = new Event('beforeunload', { cancelable: true });
    dispatchEvent(reload);
    expect(reload.defaultPrevented).toBe(true);
    await click(c.button('Добавить комментарий'));
    expect(api.last('POST', 'submissions/s1/comments')!.body).toEqual({ text: '<img src=x onerror=alert(1)>' });
    expect(c.$('.timeline .ev-comment .message')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(c.root.querySelector('img')).toBeNull();
    expect(c.field<HTMLTextAreaElement>('Текст').value).toBe('');
  });

  it('says «not found» for a card the user may not see, as the API answers', async () => {
    stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'GET submissions/s9': apiError(404, 'not_found', 'Не найдено'),
    });
    const c = await openConsole('/admin/submissions/s9');
    expect(c.$('h1')!.textContent).toBe('Обращение не найдено');
    expect(c.$('form')).toBeNull();
  });

  it("shows a suggestion's promised date of answer, and answers it by e-mail", async () => {
    const suggestion: Card = { ...CARD, kind: 'suggestion', answerBy: '2026-11-25T15:00:00Z' };
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions/s1': json(200, suggestion),
      'POST submissions/s1/replies': json(200, suggestion),
    });
    const c = await openConsole('/admin/submissions/s1');
    expect(c.$('.subtitle')!.textContent).toContain('клиенту обещан ответ до 25.11.2026 18:00');
    await type(c.field('Текст письма'), 'Спасибо, передали в логистику');
    await click(c.button('Отправить письмо'));
    expect(api.last('POST', 'submissions/s1/replies')!.body).toEqual({
      text: 'Спасибо, передали в логистику',
      firstContact: false,
    });
  });

  it('a viewer reads it and changes nothing', async () => {
    stubApi({
      'GET me': signedIn({ ...USERS.qms, role: 'viewer' }),
      'GET meta': json(200, META),
      'GET submissions/s1': json(200, CARD),
    });
    const c = await openConsole('/admin/submissions/s1');
    expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00012');
    expect(c.$$('select, textarea, button[type="submit"]')).toHaveLength(0);
    expect(c.$$('nav a').map((a) => a.textContent)).toEqual(['Входящие', 'Отчёты', 'Календарь', 'Отказы']);
  });
});
