import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonEraseAnswer, PersonExportAnswer } from '../../api/types.ts';
import { apiError, click, json, META, openConsole, signedIn, stubApi, type, USERS } from '../../testing/helpers.tsx';

const FOUND: PersonExportAnswer = {
  key: { email: 'galina@example.ru' },
  submissions: [
    {
      id: 's1',
      number: '2026-00042',
      createdAt: '2026-11-23T09:00:00.000Z',
      type: 'feedback',
      kind: 'complaint',
      name: 'Лоськова <b>Галина</b>',
      email: 'galina@example.ru',
      erasedAt: null,
      attachments: [{ id: 'a1', filename: 'акт.pdf', mime: 'application/pdf', size: 1536, sha256: 'x' }],
    },
  ],
  emails: [
    {
      id: 'm1',
      submissionId: 's1',
      template: 'feedback-ack',
      to: ['galina@example.ru'],
      subject: 'Ваше обращение № 2026-00042 зарегистрировано',
      text: '…',
      status: 'sent',
      createdAt: '2026-11-23T09:00:00.000Z',
      sentAt: '2026-11-23T09:01:00.000Z',
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('personal data', () => {
  it('finds what is stored about a person, offers it as JSON and erases it after a confirmation', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.admin),
      'GET meta': json(200, META),
      'GET persons': ({ url }) =>
        url.searchParams.get('phone') === '12'
          ? apiError(422, 'validation', 'Проверьте поля формы', { phone: 'Проверьте номер телефона' })
          : json(200, FOUND),
      'POST persons/erase': json(200, {
        submissions: 1,
        attachments: 1,
        outbox: 1,
        events: 0,
      } satisfies PersonEraseAnswer),
    });
    const c = await openConsole('/admin/privacy');
    expect(c.$('h1')!.textContent).toBe('Персональные данные');
    expect(c.$$('nav a').map((a) => a.textContent)).toContain('Персональные данные');

    await type(c.field('Телефон'), '12');
    await click(c.button('Найти'));
    expect(c.errorOf(c.field('Телефон'))).toBe('Проверьте номер телефона');
    // The keyboard goes on from the field named, not from the page's start.
    expect(document.activeElement).toBe(c.field('Телефон'));

    await type(c.field('Телефон'), '');
    await type(c.field('E-mail'), 'galina@example.ru');
    await click(c.button('Найти'));
    expect(api.last('GET', 'persons')!.query).toEqual({ email: 'galina@example.ru' });
    expect(c.$('h2')!.textContent).toBe('Найдено: 1 обращение, 1 письмо');
    expect(document.activeElement).toBe(c.$('h2'));
    expect(c.text()).toContain('Лоськова <b>Галина</b>');
    expect(c.$('b')).toBeNull();
    expect(c.text()).toContain('акт.pdf (1,5 КБ)');
    const download = c.$<HTMLAnchorElement>('a[download]')!;
    expect(JSON.parse(decodeURIComponent(download.href.split(',').slice(1).join(',')))).toEqual(FOUND);

    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await click(c.button('Удалить все данные'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('galina@example.ru'));
    expect(api.last('POST', 'persons/erase')).toBeUndefined();

    confirm.mockReturnValue(true);
    await click(c.button('Удалить все данные'));
    expect(api.last('POST', 'persons/erase')!.body).toEqual({ email: 'galina@example.ru' });
    expect(api.last('POST', 'persons/erase')!.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(c.$('[role=status].ok-note')!.textContent).toBe(
      'Удалены персональные данные: 1 обращение, 1 файл, 1 письмо.',
    );
    expect(c.$('h2')).toBeNull();
    expect(document.activeElement).toBe(c.$('.ok-note'));
  });

  it('is not offered to the QMS', async () => {
    stubApi({ 'GET me': signedIn(USERS.qms), 'GET meta': json(200, META) });
    const c = await openConsole('/admin/privacy');
    expect(c.$('h1')!.textContent).toBe('Недостаточно прав');
    expect(c.$$('nav a').map((a) => a.textContent)).not.toContain('Персональные данные');
  });
});
