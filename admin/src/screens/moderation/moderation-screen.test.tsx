import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModerationDecision, ModerationItem, ModerationPage } from '../../api/types.ts';
import { click, json, META, openConsole, settle, signedIn, stubApi, type } from '../../testing/helpers.tsx';

type About = Pick<ModerationItem, 'employee' | 'subject' | 'subjectTitle'>;
const IVANOV: About = {
  employee: { slug: 'ivanov', name: 'Иванов Иван', position: 'Инженер' },
  subject: 'employee',
  subjectTitle: null,
};
const DELIVERY: About = { employee: null, subject: 'delivery', subjectTitle: 'Качество доставки' };

const item = (n: number, comment: string, about = IVANOV): ModerationItem => ({
  submissionId: `s${n}`,
  number: `2026-0000${n}`,
  status: 'pending',
  score: 5,
  comment,
  text: comment,
  redacted: false,
  author: { name: 'Мария Кузьмина', organization: 'ООО «Вектор»', email: 'maria@vector.ru' },
  publicAuthor: 'Мария К., ООО «Вектор»',
  ...about,
  createdAt: '2026-11-20T08:00:00Z',
  publishedAt: null,
});
const QUEUE: ModerationPage = {
  items: [
    item(1, '<img src=x onerror=alert(1)>'),
    item(2, 'Отлично! Звоните +7 (912) 345-67-89 или пишите anna@example.ru'),
    item(3, 'Хорошо', DELIVERY),
  ],
  nextCursor: null,
  total: 3,
};
const decision = (n: number, status: ModerationDecision['status']): ModerationDecision => ({
  submissionId: `s${n}`,
  status,
  text: QUEUE.items[n - 1]!.text,
  redacted: false,
  reason: status === 'rejected' ? 'Реклама' : null,
  decidedAt: '2026-11-23T10:00:00Z',
  publishedAt: status === 'approved' ? '2026-11-23T10:00:00Z' : null,
});

const setup = async () => {
  const api = stubApi({
    'GET me': signedIn(),
    'GET meta': json(200, META),
    'GET moderation': json(200, QUEUE),
    'POST moderation/s1/approve': json(200, decision(1, 'approved')),
    'POST moderation/s2/approve': json(200, decision(2, 'approved')),
    'POST moderation/s3/reject': json(200, decision(3, 'rejected')),
  });
  const c = await openConsole('/admin/moderation');
  const card = (n: number) => c.$(`article[aria-labelledby="mod-s${n}"]`)!;
  const buttonIn = (n: number, name: string) =>
    [...card(n).querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { api, c, card, buttonIn };
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('moderation', () => {
  it('lists the queue with the comment as text and publishes one as written', async () => {
    const { api, c, card, buttonIn } = await setup();
    expect(c.$('h1')!.textContent).toBe('Модерация отзывов');
    expect(c.text()).toContain('3 отзыва ждут решения');
    expect(card(1).querySelector('.quote')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(c.root.querySelector('img')).toBeNull();
    expect(card(2).textContent).toContain('В тексте есть e-mail или телефон');

    await click(buttonIn(1, 'Опубликовать'));
    const post = api.last('POST', 'moderation/s1/approve')!;
    expect(post.body).toEqual({});
    expect(post.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(c.$('article[aria-labelledby="mod-s1"]')).toBeNull();
    expect(c.text()).toContain('2 отзыва ждут решения');
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Отзыв № 2026-00001 опубликован');
    await new Promise((r) => setTimeout(r, 5));
    expect(document.activeElement).toBe(c.$('#mod-s2'));
  });

  it('heads each review with whom it is about: the employee, or the rating subject by its title', async () => {
    const { card } = await setup();
    expect(card(1).querySelector('h2')!.textContent).toContain('Иванов Иван');
    expect(card(3).querySelector('h2')!.textContent).toContain('Качество доставки');
    // Read as a sentence, not the stars' label run into the name.
    expect(card(1).querySelector('h2')!.getAttribute('aria-label')).toMatch(/^Отзыв: Иванов Иван, оценка \d из 5$/);
    // Beside the author as he signed, how the site will name him.
    expect(card(1).querySelector('.author')!.textContent).toContain('Автор: Мария Кузьмина, ООО «Вектор»');
    expect(card(1).querySelector('.author')!.textContent).toContain('На сайте: Мария К., ООО «Вектор»');
  });

  it('publishes a redacted copy: personal data masked in one click, the original beside it', async () => {
    const { api, card, buttonIn } = await setup();
    await click(buttonIn(2, 'Отредактировать'));
    const editor = card(2).querySelector('textarea')!;
    expect(editor.value).toBe('Отлично! Звоните +7 (912) 345-67-89 или пишите anna@example.ru');
    expect(card(2).querySelector('.quote')!.textContent).toBe(
      'Отлично! Звоните +7 (912) 345-67-89 или пишите anna@example.ru',
    );
    await click(buttonIn(2, 'Скрыть e-mail и телефоны'));
    expect(editor.value).toBe('Отлично! Звоните [скрыто] или пишите [скрыто]');
    await click(buttonIn(2, 'Опубликовать этот текст'));
    expect(api.last('POST', 'moderation/s2/approve')!.body).toEqual({
      text: 'Отлично! Звоните [скрыто] или пишите [скрыто]',
    });
  });

  it('publishes a text with a phone or an e-mail in it only after the moderator confirms', async () => {
    const { api, card, buttonIn } = await setup();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await click(buttonIn(2, 'Опубликовать'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('e-mail или телефон'));
    expect(api.last('POST', 'moderation/s2/approve')).toBeUndefined();
    // Edited but still holding them: asked again.
    await click(buttonIn(2, 'Отредактировать'));
    await click(buttonIn(2, 'Опубликовать этот текст'));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(api.last('POST', 'moderation/s2/approve')).toBeUndefined();
    confirm.mockReturnValue(true);
    await click(buttonIn(2, 'Опубликовать этот текст'));
    expect(api.last('POST', 'moderation/s2/approve')!.body).toEqual({});
    expect(card(2)).toBeNull();
  });

  it('rejects only with a reason', async () => {
    const { api, c, card, buttonIn } = await setup();
    await click(buttonIn(3, 'Отклонить'));
    await click(buttonIn(3, 'Отклонить отзыв'));
    expect(api.last('POST', 'moderation/s3/reject')).toBeUndefined();
    const reason = card(3).querySelector('textarea')!;
    expect(c.errorOf(reason)).toBe('Укажите причину отказа');
    await type(reason, 'Реклама');
    await click(buttonIn(3, 'Отклонить отзыв'));
    expect(api.last('POST', 'moderation/s3/reject')!.body).toEqual({ reason: 'Реклама' });
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Отзыв № 2026-00003 отклонён');
  });

  it('closes the reject form with Esc as «Отмена» does, asking first when a reason is typed', async () => {
    const { card, buttonIn } = await setup();
    const esc = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await click(buttonIn(3, 'Отклонить'));
    esc(card(3).querySelector('textarea')!);
    await settle();
    expect(card(3).querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(buttonIn(3, 'Отклонить'));
    await click(buttonIn(3, 'Отклонить'));
    await type(card(3).querySelector('textarea')!, 'Реклама');
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    esc(card(3).querySelector('textarea')!);
    await settle();
    expect(asked).toHaveBeenCalledOnce();
    expect(card(3).querySelector('textarea')!.value).toBe('Реклама');
    // Closed, the form drops it, as the question said: opened again, it is empty and asks nothing.
    vi.stubGlobal('confirm', () => true);
    esc(card(3).querySelector('textarea')!);
    await settle();
    await click(buttonIn(3, 'Отклонить'));
    expect(card(3).querySelector('textarea')!.value).toBe('');
  });
});
