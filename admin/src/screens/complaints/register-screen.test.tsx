import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleUser, InboxPage, RegisteredComplaint } from '../../api/types.ts';
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

const EMPTY_INBOX: InboxPage = {
  items: [],
  nextCursor: null,
  counts: { total: 0, byKind: {}, byStatus: {}, byType: {} },
};
const REGISTERED: RegisteredComplaint = {
  id: 's42',
  number: '2026-00042',
  answerBy: '2026-11-26T15:00:00.000Z',
  tellClient:
    'Благодарим Вас за обращение. Ваш запрос № 2026-00042 зарегистрирован и передан в службу менеджмента качества компании «Гэндальф». Ответ будет подготовлен и предоставлен Вам в течение трёх рабочих дней, не считая день получения обращения. Срок ответа — до 26 ноября 2026 г.',
  clientNotified: false,
  lang: 'ru',
};
const VIEWER: ConsoleUser = { ...USERS.qms, id: 'u9', role: 'viewer' };
// The department's default responsible, so the form can say who gets the complaint.
const WITH_RESPONSIBLE = {
  ...META,
  departments: [{ ...META.departments[0]!, responsibleUserId: 'u-handler' }, META.departments[1]!],
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('registering a complaint by hand', () => {
  it('opens from the inbox, sends what the registrar typed and shows what to tell the client', async () => {
    // 12:30 in Moscow: the form's «Когда поступила» starts there.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T09:30:00Z') });
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, WITH_RESPONSIBLE),
      'GET submissions': json(200, EMPTY_INBOX),
      'POST complaints': json(201, REGISTERED),
    });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const c = await openConsole('/admin/');
    await click(c.$$('a').find((a) => a.textContent === 'Зарегистрировать жалобу')!);
    expect(location.pathname).toBe('/admin/complaints/new');
    expect(c.$('h1')!.textContent).toBe('Зарегистрировать жалобу');
    expect(c.field('Когда поступила').value).toBe('2026-11-23T12:30');
    expect([...c.field<HTMLSelectElement>('Канал поступления').options].map((o) => o.textContent)).toEqual([
      // As the reports and e-mails name them.
      'Телефон',
      'Личный визит',
      'Письмо',
      'Электронная почта',
      'Социальная сеть',
      '1С-Коннект',
      'Звонок качества',
      'Внутренняя (от другого отдела)',
    ]);

    await choose(c.field<HTMLSelectElement>('Канал поступления'), 'visit');
    await type(c.field('Когда поступила'), '2026-11-23T11:05');
    await choose(c.field<HTMLSelectElement>('Важность'), 'high');
    await type(c.field('Организация'), 'Союз молодёжи Дона');
    await type(c.field('ИНН'), '7707083893');
    await type(c.field('Контактное лицо'), 'Лоськова Галина Николаевна');
    await type(c.field('Должность'), 'бухгалтер');
    await type(c.field('Телефон'), '8 (951) 511-35-23');
    await type(c.field('Дата ситуации'), '2026-11-20');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), '  Программа загружается 3–4 минуты  ');
    await type(c.field('Кто выполнял работу'), 'Бадыштова К., обновление 20.11');
    await choose(c.field<HTMLSelectElement>('Подразделение'), 'd1');
    expect(c.text()).toContain('Жалоба сразу назначается ответственному: Бадыштова К.');
    expect(c.text()).not.toContain('Бадыштова К..'); // one full stop after an initial
    await click(c.button('Зарегистрировать'));

    expect(api.last('POST', 'complaints')!.body).toEqual({
      channel: 'visit',
      receivedAt: '2026-11-23T08:05:00.000Z',
      importance: 'high',
      organization: 'Союз молодёжи Дона',
      inn: '7707083893',
      name: 'Лоськова Галина Николаевна',
      contactPosition: 'бухгалтер',
      phone: '8 (951) 511-35-23',
      situationDate: '2026-11-20',
      message: 'Программа загружается 3–4 минуты',
      performer: 'Бадыштова К., обновление 20.11',
      departmentId: 'd1',
    });
    const box = c.$('.tell-client')!;
    expect(box.querySelector('h2')!.textContent).toBe('Скажите клиенту сейчас');
    expect(box.querySelector('.tell-text')!.textContent).toBe(REGISTERED.tellClient);
    expect(box.textContent).toContain('26.11.2026 18:00');
    expect(document.activeElement).toBe(box);
    expect(c.$('.toast')!.textContent).toBe(''); // the panel says it; a toast covered its buttons on a phone
    expect(c.$('form')).toBeNull(); // no second registration by a double click
    await click(c.button('Скопировать текст'));
    expect(writeText).toHaveBeenCalledWith(REGISTERED.tellClient);
    const card = c.$$('a').find((a) => a.textContent === 'Открыть карточку № 2026-00042')!;
    expect(card.getAttribute('href')).toBe('/admin/submissions/s42');

    await click(c.button('Зарегистрировать ещё'));
    expect(c.$('.tell-client')).toBeNull();
    expect(c.field('Организация').value).toBe('');
    expect(c.field('Когда поступила').value).toBe('2026-11-23T12:30');
  });

  it('offers to e-mail the client his number once an address is typed, and says it was sent', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'POST complaints': json(201, { ...REGISTERED, clientNotified: true }),
    });
    const c = await openConsole('/admin/complaints/new');
    const offer = () => c.$$('label').find((l) => l.textContent?.includes('подтверждение с номером'));
    expect(offer()).toBeUndefined();
    await type(c.field('Контактное лицо'), 'Анна');
    await type(c.field('E-mail'), 'anna@example.ru');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Счёт выставлен дважды');
    expect(offer()!.querySelector('input')!.checked).toBe(true);
    await click(offer()!.querySelector('input')!);
    await click(c.button('Зарегистрировать'));
    expect(api.last('POST', 'complaints')!.body).not.toHaveProperty('notifyClient');
    await click(c.button('Зарегистрировать ещё'));
    await type(c.field('Контактное лицо'), 'Анна');
    await type(c.field('E-mail'), 'anna@example.ru');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Счёт выставлен дважды');
    await click(c.button('Зарегистрировать'));
    expect(api.last('POST', 'complaints')!.body).toMatchObject({ email: 'anna@example.ru', notifyClient: true });
    expect(api.last('POST', 'complaints')!.body).not.toHaveProperty('lang');
    expect(c.$('.tell-client')!.textContent).toContain('Этот текст также отправлен клиенту по электронной почте.');
    // An English client: his e-mails in English.
    await click(c.button('Зарегистрировать ещё'));
    await type(c.field('Контактное лицо'), 'Peter Parker');
    await type(c.field('E-mail'), 'peter@example.com');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Invoice sent twice');
    await choose(c.field<HTMLSelectElement>('Язык клиента'), 'en');
    await click(c.button('Зарегистрировать'));
    expect(api.last('POST', 'complaints')!.body).toMatchObject({ email: 'peter@example.com', lang: 'en' });
  });

  it('checks the form first, then shows the server’s errors by field with focus on the first', async () => {
    const api = stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'POST complaints': apiError(422, 'validation', 'Проверьте поля формы', {
        receivedAt: 'Время не может быть в будущем',
        departmentId: 'Неверное значение',
      }),
    });
    const c = await openConsole('/admin/complaints/new');
    await type(c.field('ИНН'), '1234567890');
    await click(c.button('Зарегистрировать'));
    expect(api.last('POST', 'complaints')).toBeUndefined();
    expect(c.errorOf(c.field('ИНН'))).toBe('Проверьте ИНН: 10 или 12 цифр с верной контрольной суммой');
    expect(c.errorOf(c.field('Контактное лицо'))).toBe('Укажите контактное лицо или организацию');
    expect(c.errorOf(c.field<HTMLTextAreaElement>('Что произошло'))).toBe('Опишите, что произошло');
    await settle();
    expect(document.activeElement).toBe(c.field('ИНН'));

    // A text over the limit is told the limit, not «Проверьте значение», and is kept as typed.
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'ж'.repeat(5001));
    await click(c.button('Зарегистрировать'));
    expect(c.errorOf(c.field<HTMLTextAreaElement>('Что произошло'))).toBe('Не больше 5000 знаков: сократите текст');
    expect(c.field<HTMLTextAreaElement>('Что произошло').value).toHaveLength(5001);

    await type(c.field('ИНН'), '');
    await type(c.field('Контактное лицо'), 'Лоськова Г. Н.');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Долго грузится программа');
    await click(c.button('Зарегистрировать'));
    expect(api.calls.filter((x) => x.method === 'POST')).toHaveLength(1);
    expect(c.errorOf(c.field('Когда поступила'))).toBe('Время не может быть в будущем');
    expect(c.errorOf(c.field<HTMLSelectElement>('Подразделение'))).toBe('Неверное значение');
    expect(c.errorOf(c.field('Контактное лицо'))).toBeNull();
    await settle();
    expect(document.activeElement).toBe(c.field('Когда поступила'));
    expect(c.$('.tell-client')).toBeNull();
  });

  it('shows a handler his own department, fixed, and sends none', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'POST complaints': json(201, REGISTERED),
    });
    const c = await openConsole('/admin/complaints/new');
    expect(c.$$('select').some((s) => s.id === c.field('Подразделение').id)).toBe(false);
    expect(c.field('Подразделение').textContent).toBe('ДКС');
    await type(c.field('Организация'), 'ООО «Ромашка»');
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Не пришёл инженер');
    await click(c.button('Зарегистрировать'));
    const body = api.last('POST', 'complaints')!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('departmentId');
    expect(body).toMatchObject({ channel: 'phone', importance: 'normal', organization: 'ООО «Ромашка»' });
    expect(c.$('.tell-client')).not.toBeNull();
  });

  it('asks before what the registrar typed is lost: on a link inside the console and on a reload', async () => {
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions': json(200, EMPTY_INBOX),
    });
    const c = await openConsole('/admin/complaints/new');
    const back = c.$$('a').find((a) => a.textContent === '← Входящие')!;
    const reload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(reload()).toBe(false); // nothing typed: nothing asked
    await type(c.field<HTMLTextAreaElement>('Что произошло'), 'Клиент долго рассказывал, что случилось');
    expect(reload()).toBe(true);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await click(back);
    expect(confirm).toHaveBeenCalledWith('Введённый текст не сохранён и пропадёт. Уйти со страницы?');
    expect(location.pathname).toBe('/admin/complaints/new');
    expect(c.field<HTMLTextAreaElement>('Что произошло').value).toBe('Клиент долго рассказывал, что случилось');
    confirm.mockReturnValue(true);
    await click(back);
    expect(location.pathname).toBe('/admin/');
    expect(reload()).toBe(false);
  });

  it('is not offered to a viewer, and refuses him when he comes by the address', async () => {
    stubApi({
      'GET me': signedIn(VIEWER),
      'GET meta': json(200, META),
      'GET submissions': json(200, EMPTY_INBOX),
    });
    const c = await openConsole('/admin/');
    expect(c.$('h1')!.textContent).toBe('Входящие');
    expect(c.$$('a').some((a) => a.textContent === 'Зарегистрировать жалобу')).toBe(false);
    c.unmount();
    const again = await openConsole('/admin/complaints/new');
    expect(again.$('h1')!.textContent).toBe('Недостаточно прав');
    expect(again.$('form')).toBeNull();
  });
});
