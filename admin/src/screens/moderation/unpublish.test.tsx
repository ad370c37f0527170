import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Card, ModerationDecision, ModerationItem, ModerationPage } from '../../api/types.ts';
import {
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
import { unpublishReason } from './unpublish-form.tsx';

const published = (n: number, over: Partial<ModerationItem> = {}): ModerationItem => ({
  submissionId: `s${n}`,
  number: `2026-0000${n}`,
  status: 'approved',
  score: 5,
  comment: 'Иван, мой телефон +7 912 345-67-89',
  text: 'Иван, мой телефон [скрыто]',
  redacted: true,
  author: { name: 'Мария', organization: null, email: 'maria@vector.ru' },
  publicAuthor: 'Мария',
  employee: { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' },
  subject: 'employee',
  subjectTitle: null,
  createdAt: '2026-11-20T08:00:00Z',
  publishedAt: '2026-11-21T08:00:00Z',
  ...over,
});
const PUBLISHED: ModerationPage = {
  items: [
    published(1),
    published(2, { employee: null, subject: 'delivery', subjectTitle: 'Качество доставки', text: 'Быстро' }),
  ],
  nextCursor: null,
  total: 2,
};
const takenDown = (n: number, reason: string): ModerationDecision => ({
  submissionId: `s${n}`,
  status: 'unpublished',
  text: 'Быстро',
  redacted: false,
  reason,
  decidedAt: '2026-11-23T10:00:00Z',
  publishedAt: '2026-11-21T08:00:00Z',
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('taking a published review down', () => {
  it('lists the published reviews in their own tab, headed by the employee or the service', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET moderation': json(200, PUBLISHED),
    });
    const c = await openConsole('/admin/moderation?list=published');
    expect(api.last('GET', 'moderation')!.query).toEqual({ list: 'published' });
    expect(c.$('.tabs [aria-current="page"]')!.textContent).toBe('Опубликованные');
    expect(c.text()).toContain('2 отзыва опубликовано');
    expect(c.$$('article h2').map((h) => [h.textContent, h.getAttribute('aria-label')])).toEqual([
      ['★★★★★ Иванов Иван', 'Отзыв: Иванов Иван, оценка 5 из 5'],
      ['★★★★★ Качество доставки', 'Отзыв: Качество доставки, оценка 5 из 5'],
    ]);
    // The published text, not the original with the phone number.
    expect(c.$('#mod-s1')!.closest('article')!.querySelector('.quote')!.textContent).toBe('Иван, мой телефон [скрыто]');
    expect(c.text()).not.toContain('+7 912');
  });

  it('asks for a reason, offers the common ones, and drops the review from the list', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET moderation': json(200, PUBLISHED),
      'POST moderation/s2/unpublish': ({ body }) => json(200, takenDown(2, (body as { reason: string }).reason)),
    });
    const c = await openConsole('/admin/moderation?list=published');
    const article = () => c.$('#mod-s2')?.closest('article');
    const button = (name: string) => [...article()!.querySelectorAll('button')].find((b) => b.textContent === name)!;
    // Esc closes the form as «Отмена» does.
    await click(button('Снять с публикации'));
    c.field('Причина снятия').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(c.$('form.unpublish')).toBeNull();
    await click(button('Снять с публикации'));
    const select = c.field<HTMLSelectElement>('Причина снятия');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Выберите причину',
      'Клиент отозвал согласие на публикацию',
      'Сотрудник больше не работает в компании',
      'Опубликован по ошибке',
      'Другая причина',
    ]);
    await click(button('Снять с публикации'));
    expect(api.last('POST', 'moderation/s2/unpublish')).toBeUndefined();
    expect(c.errorOf(select)).toBe('Выберите причину');

    await choose(select, 'other');
    await click(button('Снять с публикации'));
    expect(api.last('POST', 'moderation/s2/unpublish')).toBeUndefined();
    expect(c.errorOf(c.field<HTMLTextAreaElement>('Какая причина'))).toBe('Опишите причину');

    await choose(select, 'consent');
    await type(c.field<HTMLTextAreaElement>('Пояснение'), 'письмо от 22.11');
    await click(button('Снять с публикации'));
    expect(api.last('POST', 'moderation/s2/unpublish')!.body).toEqual({
      reason: 'Клиент отозвал согласие на публикацию: письмо от 22.11',
    });
    expect(article()).toBeUndefined();
    expect(c.text()).toContain('1 отзыв опубликован');
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Отзыв № 2026-00002 снят с публикации');
  });

  it("is offered on a published review's card to moderators, and the card then says why and when", async () => {
    const card: Card = {
      id: 's1',
      number: '2026-00001',
      type: 'rating',
      kind: 'rating',
      status: 'closed',
      channel: 'signature',
      createdAt: '2026-11-20T08:00:00Z',
      message: 'Спасибо',
      name: 'Мария',
      organization: null,
      inn: null,
      phone: null,
      email: null,
      page: null,
      lang: 'ru',
      score: 5,
      publish: true,
      subject: { slug: 'employee', title: null },
      employee: { id: 'e1', slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер', active: false },
      department: null,
      consent: { version: null, at: null, ip: null, userAgent: null },
      attachments: [],
      emails: [],
      history: [],
      review: {
        status: 'approved',
        text: 'Спасибо',
        redacted: false,
        reason: null,
        decidedBy: { id: 'u2', name: 'Ольга Смирнова' },
        decidedAt: '2026-11-21T08:00:00Z',
        publishedAt: '2026-11-21T08:00:00Z',
        createdAt: '2026-11-20T08:00:00Z',
      },
      complaint: null,
      complaintFromRating: null,
      complaintElsewhere: false,
      answerBy: null,
    };
    const reason = 'Сотрудник больше не работает в компании';
    const after: Card = {
      ...card,
      review: { ...card.review!, status: 'unpublished', reason, decidedAt: '2026-11-23T10:00:00Z' },
    };
    let current = card;
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions/s1': () => json(200, current),
      'POST moderation/s1/unpublish': () => {
        current = after;
        return json(200, takenDown(1, reason));
      },
    });
    const c = await openConsole('/admin/submissions/s1');
    const panel = () => c.$('[aria-labelledby="card-publication"]')!;
    expect(panel().textContent).toContain('Опубликован');
    await click([...panel().querySelectorAll('button')].find((b) => b.textContent === 'Снять с публикации')!);
    await choose(c.field<HTMLSelectElement>('Причина снятия'), 'left');
    await click([...panel().querySelectorAll('button')].find((b) => b.textContent === 'Снять с публикации')!);
    expect(api.last('POST', 'moderation/s1/unpublish')!.body).toEqual({ reason });
    expect(panel().textContent).toContain('Снят с публикации');
    expect(panel().textContent).toContain(`Причина: ${reason}`);
    expect(panel().querySelector('button')).toBeNull();

    // A handler sees where it stands, and no button.
    current = card;
    stubApi({ 'GET me': signedIn(USERS.handler), 'GET meta': json(200, META), 'GET submissions/s1': json(200, card) });
    const handler = await openConsole('/admin/submissions/s1');
    expect(handler.$('[aria-labelledby="card-publication"]')!.querySelector('button')).toBeNull();
  });

  it('stores the common reason with the moderator’s words after it, or his words alone', () => {
    expect(unpublishReason('mistake', '')).toBe('Опубликован по ошибке');
    expect(unpublishReason('left', ' уволился 1.12 ')).toBe('Сотрудник больше не работает в компании: уволился 1.12');
    expect(unpublishReason('other', ' Просьба руководителя ')).toBe('Просьба руководителя');
    expect(unpublishReason('other', '  ')).toBe('');
  });
});
