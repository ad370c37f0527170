import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Card } from '../../api/types.ts';
import {
  apiError,
  choose,
  click,
  json,
  META,
  openConsole,
  signedIn,
  stubApi,
  type,
  USERS,
} from '../../testing/helpers.tsx';
import { COMPLAINT, COMPLAINT_CARD, withComplaint, withStep } from './complaint-fixture.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const open = async (routes: Parameters<typeof stubApi>[0] = {}, user = signedIn()) => {
  const api = stubApi({
    'GET me': user,
    'GET meta': json(200, META),
    'GET submissions/s7': json(200, COMPLAINT_CARD),
    ...routes,
  });
  const c = await openConsole('/admin/submissions/s7');
  const row = (step: string) =>
    c.$$('.steps-table tbody tr').find((r) => r.querySelector('td')?.textContent?.startsWith(step))!;
  const cell = (step: string, name: string) => row(step).querySelector(`td[data-label="${name}"]`)!.textContent;
  return { api, c, row, cell };
};

const CONTROLS = ['button', 'input', 'select', 'textarea']
  .flatMap((t) => [`.complaint ${t}`, `[aria-labelledby="complaint-stage2"] ${t}`])
  .join(', ');

describe('the complaint process on the card', () => {
  it('shows each step with its term, its deadline and where it stands in words', async () => {
    const { c, cell } = await open();
    expect(c.$('#complaint-title')!.textContent).toBe('Разбор жалобы');
    expect(cell('1.1', 'Шаг')).toContain('в течение 1 рабочего часа с момента получения жалобы');
    expect(cell('1.1', 'Состояние')).toContain('Выполнено 23.11.2026 10:05 · Иванов');
    expect(cell('1.2', 'Срок')).toBe('23.11.2026 13:00');
    expect(cell('1.2', 'Состояние')).toContain('Просрочено на 1 ч 30 мин');
    expect(cell('1.3', 'Состояние')).toContain('Осталось 2\u00a0р.\u00a0д. 2 ч 15 мин');
    expect(cell('1.4', 'Срок')).toBe('—');
    expect(cell('1.4', 'Состояние')).toContain('Срок не задан');
    expect(cell('1.5', 'Состояние')).toContain('Срок не задан');
    expect(cell('1.6', 'Срок')).toContain('цель — 5 рабочих дней: до 30.11.2026 18:00 — не достигнута');
    // No way to mark 1.5 before 1.4 is done; a done step's mark can be taken back.
    expect(c.$$('.steps-table button').map((b) => b.textContent)).toEqual([
      'Отменить отметку шага 1.1',
      'Отметить выполненным шаг 1.2',
      'Отметить выполненным шаг 1.3',
      'Отметить выполненным шаг 1.4',
      'Отметить выполненным шаг 1.6',
    ]);
    expect(c.$('.complaint .warn')!.textContent).toContain(
      'Постановление о переносах выходных на год не загружено: считаем выходные и праздники по ТК РФ',
    );
    expect(c.$('.related-list')!.textContent).toContain('№ 2026-00003');
    expect(c.$('.related-list')!.textContent).toContain('Частично обоснована · удовлетворён: да · лоялен: нет');
    expect(c.$('.related-list')!.textContent).toContain('совпадение по ИНН');
  });

  it('says when the client has more messages than a card lists, and finds them all in the inbox', async () => {
    const first = COMPLAINT.related[0]!;
    const many = Array.from({ length: 20 }, (_, i) => ({ ...first, id: `r${i}`, number: `2026-${String(i + 100)}` }));
    const { c } = await open({ 'GET submissions/s7': json(200, withComplaint({ related: many })) });
    expect(c.$('#complaint-related')!.textContent).toBe('Другие обращения клиента (последние 20)');
    const all = c.$$<HTMLAnchorElement>('a').find((a) => a.textContent === 'Все обращения с этим ИНН во входящих')!;
    expect(all.getAttribute('href')).toBe('/admin/?q=6165456519');
  });

  it('marks a step done with a comment and shows the card the server answers', async () => {
    const done = withStep({ step: '1.2', doneAt: '2026-11-23T11:00:00Z', doneBy: { id: 'u2', name: 'Ольга' } });
    const { api, c, cell } = await open({ 'POST submissions/s7/steps/1.2': json(200, done) });
    await click(c.button('Отметить выполненным шаг 1.2'));
    await type(c.field<HTMLTextAreaElement>('Комментарий'), '  Позвонили, договорились  ');
    c.button('Отметить шаг 1.2 выполненным')!.focus();
    await click(c.button('Отметить шаг 1.2 выполненным'));
    // The button went with the form: the focus stays on the step marked, at its new control, not
    // on the stage's heading or the page's body.
    await vi.waitUntil(() => document.activeElement?.id === 'step-undo-1-2');
    const call = api.last('POST', 'submissions/s7/steps/1.2')!;
    expect(call.body).toEqual({ comment: 'Позвонили, договорились' });
    expect(call.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(cell('1.2', 'Состояние')).toContain('Выполнено 23.11.2026 14:00 · Ольга');
    expect(c.button('Отметить выполненным шаг 1.2')).toBeUndefined();
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Шаг 1.2 отмечен выполненным');
  });

  it('closes a step’s form on Esc as on «Отмена», back at the button that opened it', async () => {
    const { api, c } = await open();
    const esc = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    const mark = c.$<HTMLButtonElement>('#step-mark-1-2')!;
    await click(mark);
    const comment = c.field<HTMLTextAreaElement>('Комментарий');
    expect(document.activeElement).toBe(comment);
    esc(comment);
    await vi.waitUntil(() => document.activeElement === mark);
    expect(c.field('Комментарий')).toBeNull();
    expect(mark.getAttribute('aria-expanded')).toBe('false');
    const undo = c.$<HTMLButtonElement>('#step-undo-1-1')!;
    await click(undo);
    esc(c.field('Почему отметка отменяется'));
    await vi.waitUntil(() => document.activeElement === undo);
    expect(c.field('Почему отметка отменяется')).toBeNull();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('takes back a step’s mark with the reason asked, and offers the mark again', async () => {
    const undone = withStep({ step: '1.1', doneAt: null, doneBy: null, comment: null });
    const { api, c, cell } = await open({ 'POST submissions/s7/steps/1.1/undo': json(200, undone) });
    await click(c.button('Отменить отметку шага 1.1'));
    await click(c.button('Снять отметку с шага 1.1'));
    // Not sent without a reason: the field says so and takes the focus.
    expect(api.last('POST', 'submissions/s7/steps/1.1/undo')).toBeUndefined();
    const reason = c.field<HTMLTextAreaElement>('Почему отметка отменяется');
    expect(c.errorOf(reason)).toBe('Напишите, почему отметка отменяется');
    await type(reason, 'Отмечен по ошибке');
    await click(c.button('Снять отметку с шага 1.1'));
    expect(api.last('POST', 'submissions/s7/steps/1.1/undo')!.body).toEqual({ reason: 'Отмечен по ошибке' });
    expect(cell('1.1', 'Состояние')).not.toContain('Выполнено');
    await vi.waitUntil(() => document.activeElement?.id === 'step-mark-1-1');
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Отметка шага 1.1 отменена');
  });

  it('shows the card as it is now when the action meets a change made meanwhile (409)', async () => {
    const done = withStep({ step: '1.2', doneAt: '2026-11-23T11:00:00Z', doneBy: { id: 'u2', name: 'Ольга' } });
    let gets = 0;
    const { c, cell } = await open({
      'GET submissions/s7': () => json(200, gets++ === 0 ? COMPLAINT_CARD : done),
      'POST submissions/s7/steps/1.2': apiError(409, 'conflict', 'Это действие уже невозможно: данные изменились', {
        step: 'Этот шаг уже отмечен',
      }),
    });
    await click(c.button('Отметить выполненным шаг 1.2'));
    await click(c.button('Отметить шаг 1.2 выполненным'));
    await vi.waitUntil(() => cell('1.2', 'Состояние')?.includes('Выполнено 23.11.2026 14:00 · Ольга'));
    expect(gets).toBe(2);
  });

  it('asks before a complaint is made another kind, which takes its review off the card', async () => {
    const { api, c } = await open({ 'PATCH submissions/s7': json(200, COMPLAINT_CARD) });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await choose(c.field<HTMLSelectElement>('Вид'), 'suggestion');
    await click(c.button('Сохранить'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Сделать жалобу другим видом обращения?'));
    expect(api.last('PATCH', 'submissions/s7')).toBeUndefined();
    confirm.mockReturnValue(true);
    await click(c.button('Сохранить'));
    expect(api.last('PATCH', 'submissions/s7')!.body).toEqual({ kind: 'suggestion' });
  });

  it('marks a step done at the Moscow time given, for a step done before it is recorded', async () => {
    const done = withStep({ step: '1.2', doneAt: '2026-11-23T08:30:00Z', doneBy: { id: 'u2', name: 'Ольга' } });
    const { api, c } = await open({ 'POST submissions/s7/steps/1.2': json(200, done) });
    await click(c.button('Отметить выполненным шаг 1.2'));
    await type(c.field<HTMLInputElement>('Когда выполнен'), '2026-11-23T11:30');
    await click(c.button('Отметить шаг 1.2 выполненным'));
    expect(api.last('POST', 'submissions/s7/steps/1.2')!.body).toEqual({ at: '2026-11-23T08:30:00.000Z' });
  });

  it('offers the survey again only a day after it was sent, saying from when', async () => {
    const sentAgo = (hours: number) =>
      withComplaint({
        steps: COMPLAINT.steps.map((s) => (s.step === '1.4' ? { ...s, doneAt: '2026-11-24T09:00:00Z' } : s)),
        surveySentAt: new Date(Date.now() - hours * 3_600_000).toISOString(),
      });
    const recent = await open({ 'GET submissions/s7': json(200, sentAgo(1)) });
    const survey = () => recent.c.$('[aria-labelledby="complaint-survey"]')!;
    expect(survey().querySelector('button')).toBeNull();
    expect(survey().textContent).toContain('Отправить опрос ещё раз можно с');
    document.body.innerHTML = '';
    const later = await open({ 'GET submissions/s7': json(200, sentAgo(25)) });
    expect(later.c.button('Отправить опрос ещё раз')).toBeTruthy();
  });

  it('sets the date agreed for 1.4 as a day', async () => {
    const agreed = withStep({ step: '1.4', dueAt: '2026-12-01T15:00:00Z', workingMsLeft: 30 * 3_600_000 });
    const { api, c, cell } = await open({ 'POST submissions/s7/agreed-date': json(200, agreed) });
    await type(c.field('Дата, согласованная с клиентом'), '2026-12-01');
    await click(c.button('Сохранить дату'));
    expect(api.last('POST', 'submissions/s7/agreed-date')!.body).toEqual({ day: '2026-12-01' });
    expect(cell('1.4', 'Срок')).toBe('01.12.2026 18:00');
    expect(c.field<HTMLInputElement>('Дата, согласованная с клиентом').value).toBe('2026-12-01');
    // The form is drawn anew with the date: the focus goes to the step, which reads its new deadline.
    await vi.waitUntil(() => document.activeElement?.id === 'step-1-4');
  });

  it('lists what stage 1 still lacks when the server refuses to close it', async () => {
    const { c } = await open({
      'POST submissions/s7/stage1/close': apiError(422, 'validation', 'Проверьте поля формы', {
        'step1.5': 'Шаг не отмечен выполненным',
        justification: 'Заполните поле',
        satisfied: 'Заполните поле',
        loyal: 'Заполните поле',
      }),
    });
    await click(c.button('Закрыть этап 1'));
    const alert = c.$('#complaint-closing')!.parentElement!.querySelector('[role="alert"]')!;
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'шаг 1.5 «Проверка работоспособности внедрённого решения» не отмечен выполненным',
      'не указана обоснованность жалобы',
      'неизвестно, удовлетворён ли клиент решением',
      'неизвестно, лоялен ли клиент по итогу разбора',
    ]);
    expect(document.activeElement).toBe(alert);
  });

  it('sends only the changed classification, satisfaction and loyalty as booleans, empty as null', async () => {
    const start = withComplaint({ correction: 'refund' });
    const { api, c } = await open({
      'GET submissions/s7': json(200, start),
      'POST submissions/s7/classification': json(200, withComplaint({ justification: 'justified', loyal: false })),
    });
    expect(c.text()).toContain('существенно нарушены условия договора');
    await choose(c.field<HTMLSelectElement>('Обоснованность'), 'justified');
    await choose(c.field<HTMLSelectElement>('Лоялен по итогу'), 'false');
    await choose(c.field<HTMLSelectElement>('Коррекция или компенсация'), '');
    await click(c.button('Сохранить классификацию'));
    expect(api.last('POST', 'submissions/s7/classification')!.body).toEqual({
      justification: 'justified',
      loyal: false,
      correction: null,
    });
    expect(c.field<HTMLSelectElement>('Лоялен по итогу').value).toBe('false');
    expect(c.button('Сохранить классификацию').disabled).toBe(true);
  });

  it('records a call made at a Moscow time as the first contact', async () => {
    const { api, c } = await open({ 'POST submissions/s7/calls': json(200, COMPLAINT_CARD) });
    await type(c.field('Когда'), '2026-11-23T12:30');
    await type(c.field<HTMLTextAreaElement>('О чём говорили'), 'Обещали подключиться завтра');
    const call = c.$('form[aria-labelledby="complaint-call"]')!;
    expect(call.querySelector('label.check')!.textContent).toContain('Это первый контакт (1.2)');
    await click(call.querySelector('input[type="checkbox"]')!);
    await click(c.button('Записать звонок'));
    expect(api.last('POST', 'submissions/s7/calls')!.body).toEqual({
      at: '2026-11-23T09:30:00.000Z',
      summary: 'Обещали подключиться завтра',
      firstContact: true,
    });
  });

  it('adds a nonconformity to stage 2 and marks its task done', async () => {
    const nc = {
      id: 'n1',
      department: { id: 'd1', name: 'ДКС' },
      process: 'Сопровождение',
      product: '1С:Бухгалтерия',
      description: 'Повторное обращение не передано инженеру',
      task: 'Настроить передачу',
      assignee: 'Бадыштова К.',
      dueDay: '2026-12-15',
      doneAt: null,
    };
    const { api, c } = await open({
      'POST submissions/s7/nonconformities': json(200, withComplaint({ nonconformities: [nc] })),
      'POST submissions/s7/nonconformities/n1': json(
        200,
        withComplaint({ nonconformities: [{ ...nc, doneAt: '2026-12-10T09:00:00Z' }] }),
      ),
      'POST submissions/s7/stage2/close': apiError(422, 'validation', 'Проверьте поля формы', {
        nonconformities: 'Заполните поле',
      }),
    });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await click(c.button('Закрыть этап 2'));
    expect(confirm).toHaveBeenCalledWith('Закрыть этап 2 без несоответствий? После закрытия добавить их будет нельзя.');
    expect(api.last('POST', 'submissions/s7/stage2/close')).toBeUndefined();
    confirm.mockReturnValue(true);
    await click(c.button('Закрыть этап 2'));
    expect(c.$('[aria-labelledby="complaint-stage2"] [role="alert"]')!.textContent).toBe(
      'Этап 2 не закрыть: не все корректирующие задачи по несоответствиям выполнены.',
    );
    await click(c.button('Добавить несоответствие'));
    await click(c.button('Добавить'));
    expect(c.errorOf(c.field('Процесс'))).toBe('Укажите процесс');
    // Closing with the add form open warns that its entry would be dropped.
    confirm.mockReturnValue(false);
    await click(c.button('Закрыть этап 2'));
    expect(confirm).toHaveBeenLastCalledWith(
      'Несоответствие в открытой форме не добавлено. Закрыть этап 2 без него? После закрытия добавить его будет нельзя.',
    );
    expect(api.last('POST', 'submissions/s7/nonconformities')).toBeUndefined();
    for (const [name, value] of Object.entries({
      Процесс: nc.process,
      Продукт: nc.product,
      Несоответствие: nc.description,
      'Корректирующая задача': nc.task,
      Исполнитель: nc.assignee,
      Срок: nc.dueDay,
    }))
      await type(c.field(name), value);
    await click(c.button('Добавить'));
    expect(api.last('POST', 'submissions/s7/nonconformities')!.body).toEqual({
      departmentId: 'd1',
      process: nc.process,
      product: nc.product,
      description: nc.description,
      task: nc.task,
      assignee: nc.assignee,
      dueDay: '2026-12-15',
    });
    const row = c.$('.nc-table tbody tr')!;
    expect(row.querySelector('[data-label="Срок"]')!.textContent).toBe('15.12.2026');
    // A task still open: nothing to confirm, the server's reason is shown at once.
    confirm.mockClear();
    const closes = api.calls.filter((x) => x.path.endsWith('stage2/close')).length;
    await click(c.button('Закрыть этап 2'));
    expect(confirm).not.toHaveBeenCalled();
    expect(api.calls.filter((x) => x.path.endsWith('stage2/close'))).toHaveLength(closes + 1);
    await click(c.button('Отметить задачу 1 выполненной'));
    expect(api.last('POST', 'submissions/s7/nonconformities/n1')!.body).toEqual({ done: true });
    expect(c.$('.nc-table [data-label="Выполнено"]')!.textContent).toBe('✓ 10.12.2026');
  });

  it('does not offer the status «Закрыто» for a complaint', async () => {
    const { c } = await open();
    const status = c.field<HTMLSelectElement>('Статус');
    expect([...status.options].map((o) => o.value)).toEqual(['new', 'in_progress']);
    expect(c.errorOf(status)).toBeNull();
    expect(c.text()).toContain('Жалоба закрывается по процессу разбора');
  });

  it('a viewer reads the process and gets no controls', async () => {
    const { c, cell } = await open({}, signedIn({ ...USERS.qms, role: 'viewer' }));
    expect(cell('1.2', 'Состояние')).toContain('Просрочено на 1 ч 30 мин');
    expect(c.text()).toContain('Бадыштова К.');
    expect(c.$$(CONTROLS)).toHaveLength(0);
    expect(c.$$('form')).toHaveLength(0);
  });

  it('a closed complaint is read-only for everyone, until it is opened again', async () => {
    const closed = withComplaint(
      { closedAt: '2026-11-27T12:00:00Z', stage1ClosedAt: '2026-11-27T11:00:00Z', justification: 'justified' },
      { status: 'closed' },
    );
    const { c } = await open({ 'GET submissions/s7': json(200, closed) });
    expect(c.$('.complaint .note')!.textContent).toContain('Жалоба закрыта 27.11.2026 15:00');
    // Stage 1 and the client's case are read-only; stage 2's corrective tasks go on until it closes.
    const stage2 = '[aria-labelledby="complaint-stage2"]';
    expect(c.$$(CONTROLS).filter((el) => !el.closest(stage2))).toEqual([c.button('Открыть жалобу снова')]);
    expect(c.$$(`${stage2} button`).map((b) => b.textContent)).toContain('Добавить несоответствие');
    // Its status and kind are its process's now (the server refuses a change: 422 «Жалоба уже
    // закрыта»): shown, not offered as a select.
    const manage = c.$('[aria-labelledby="card-manage"]')!;
    expect(c.field('Статус').tagName).toBe('OUTPUT');
    expect(c.field('Статус').textContent).toBe('Закрыто');
    expect(c.field('Вид').textContent).toBe('Жалоба');
    expect(c.errorOf(c.field('Статус'))).toBeNull();
    expect(manage.textContent).toContain('Чтобы изменить статус, откройте её снова (в «Закрытии» разбора).');
    expect([...manage.querySelectorAll('select')].map((el) => el.labels?.[0]?.textContent)).toEqual([
      'Подразделение',
      'Сотрудник',
    ]);
    // «Этап» is masculine, «жалоба» feminine: each closing in its own gender.
    const closing = c.$$('[aria-labelledby="complaint-closing"] .dl-row').map((r) => r.textContent);
    expect(closing).toEqual([
      'Этап 1 «коррекция»закрыт 27.11.2026 14:00',
      'Этап 2 «улучшение»не закрывался',
      'Жалобазакрыта 27.11.2026 15:00',
    ]);
  });

  it('leaves a handler nothing to change in «Работа с обращением» on a closed complaint', async () => {
    const closed = withComplaint(
      { closedAt: '2026-11-27T12:00:00Z', stage1ClosedAt: '2026-11-27T11:00:00Z', justification: 'justified' },
      { status: 'closed' },
    );
    const { c } = await open({ 'GET submissions/s7': json(200, closed) }, signedIn(USERS.handler));
    const manage = c.$('[aria-labelledby="card-manage"]')!;
    expect(c.field('Статус').textContent).toBe('Закрыто');
    expect(manage.querySelectorAll('select, button')).toHaveLength(0);
  });

  it('says in the header when the complaint was received, and when registered if later', async () => {
    let { c } = await open();
    expect(c.$('.subtitle')!.textContent).toBe('Поступило 23.11.2026 10:00 · Сайт');
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    // Taken by phone the day before and registered in the morning: deadlines count from the call.
    const byPhone = withComplaint({ receivedAt: '2026-11-22T14:30:00Z' }, { channel: 'phone' });
    ({ c } = await open({ 'GET submissions/s7': json(200, byPhone) }));
    expect(c.$('.subtitle')!.textContent).toBe(
      'Поступило 22.11.2026 17:30 · Телефон · зарегистрировано 23.11.2026 10:00',
    );
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    // A rating made a complaint a few minutes after it came: no second date for the same moment.
    const soon = withComplaint({ receivedAt: '2026-11-23T06:55:00Z' }, { channel: 'phone' });
    ({ c } = await open({ 'GET submissions/s7': json(200, soon) }));
    expect(c.$('.subtitle')!.textContent).toBe('Поступило 23.11.2026 09:55 · Телефон');
  });

  it('a closed stage 2 is read-only too', async () => {
    const closed = withComplaint(
      {
        closedAt: '2026-11-27T12:00:00Z',
        stage1ClosedAt: '2026-11-27T11:00:00Z',
        stage2ClosedAt: '2026-11-27T12:00:00Z',
      },
      { status: 'closed' },
    );
    const { c } = await open({ 'GET submissions/s7': json(200, closed) });
    expect(c.$$(CONTROLS)).toEqual([c.button('Открыть жалобу снова')]);
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    // A viewer can't open it again.
    const viewer = await open({ 'GET submissions/s7': json(200, closed) }, signedIn({ ...USERS.qms, role: 'viewer' }));
    expect(viewer.c.$$(CONTROLS)).toHaveLength(0);
  });

  it('opens a closed complaint again with the reason asked, and shows it open', async () => {
    const closed = withComplaint(
      { closedAt: '2026-11-27T12:00:00Z', stage1ClosedAt: '2026-11-27T11:00:00Z', justification: 'justified' },
      { status: 'closed' },
    );
    const reopened = withComplaint({ justification: 'justified' }, { status: 'in_progress' });
    const { api, c } = await open({
      'GET submissions/s7': json(200, closed),
      'POST submissions/s7/reopen': json(200, reopened),
    });
    // Cancelled, the focus goes back to the button that opened the form.
    const toggle = c.$<HTMLButtonElement>('#reopen-toggle')!;
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await click(c.button('Не открывать'));
    await vi.waitUntil(() => document.activeElement === toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Esc too.
    await click(toggle);
    c.field('Почему открывается снова').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitUntil(() => document.activeElement === toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    await click(c.$$<HTMLButtonElement>('form button').find((b) => b.textContent === 'Открыть жалобу снова')!);
    expect(api.last('POST', 'submissions/s7/reopen')).toBeUndefined();
    const reason = c.field<HTMLTextAreaElement>('Почему открывается снова');
    expect(c.errorOf(reason)).toBe('Напишите, почему жалоба открывается снова');
    await type(reason, 'Клиент: проблема повторилась');
    // Written, Esc asks before the reason is lost, and «Выйти» too; refused, nothing closes.
    const asked = vi.fn(() => false);
    vi.stubGlobal('confirm', asked);
    reason.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await click(c.button('Выйти'));
    expect(asked).toHaveBeenCalledTimes(2);
    expect(api.last('POST', 'logout')).toBeUndefined();
    expect(c.field<HTMLTextAreaElement>('Почему открывается снова').value).toBe('Клиент: проблема повторилась');
    await click(c.$$<HTMLButtonElement>('form button').find((b) => b.textContent === 'Открыть жалобу снова')!);
    expect(api.last('POST', 'submissions/s7/reopen')!.body).toEqual({ reason: 'Клиент: проблема повторилась' });
    await vi.waitUntil(() => c.button('Закрыть этап 1') !== undefined);
    expect(c.$('.complaint .note')).toBeNull();
    expect(c.$('[role="status"][aria-live]')!.textContent).toBe('Жалоба № 2026-00042 открыта снова');
  });
});

describe('a low rating', () => {
  const RATING: Card = {
    ...COMPLAINT_CARD,
    id: 's5',
    number: '2026-00040',
    type: 'rating',
    kind: 'rating',
    score: 2,
    publish: false,
    complaint: null,
  };

  it('becomes a complaint in one click, and the console opens it', async () => {
    const api = stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'GET submissions/s5': json(200, RATING),
      'POST submissions/s5/complaint': json(201, { id: 's7', number: '2026-00042' }),
      'GET submissions/s7': json(200, withComplaint({ origin: 'rating', rating: { id: 's5', number: '2026-00040' } })),
    });
    const c = await openConsole('/admin/submissions/s5');
    await click(c.button('Сделать жалобой'));
    expect(api.last('POST', 'submissions/s5/complaint')).toBeDefined();
    await vi.waitFor(() => expect(location.pathname).toBe('/admin/submissions/s7'));
    await vi.waitFor(() => expect(c.$('h1')!.textContent).toBe('Обращение № 2026-00042'));
    const origin = c.$$('.complaint-facts dd')[2]!;
    expect(origin.textContent).toBe('из оценки № 2026-00040');
    expect(origin.querySelector('a')!.getAttribute('href')).toBe('/admin/submissions/s5');
  });

  it.each([2, 5])('links to the complaint it became, also once its client changed it to %i stars', async (score) => {
    stubApi({
      'GET me': signedIn(),
      'GET meta': json(200, META),
      'GET submissions/s5': json(200, { ...RATING, score, complaintFromRating: { id: 's7', number: '2026-00042' } }),
    });
    const c = await openConsole('/admin/submissions/s5');
    expect(c.$('#rating-complaint')!.parentElement!.querySelector('a')!.textContent).toBe('Жалоба № 2026-00042');
    expect(c.button('Сделать жалобой')).toBeUndefined();
  });

  it('says a complaint made of it went to another department, and offers nothing to press', async () => {
    stubApi({
      'GET me': signedIn(USERS.handler),
      'GET meta': json(200, META),
      'GET submissions/s5': json(200, { ...RATING, score: 1, complaintElsewhere: true }),
    });
    const c = await openConsole('/admin/submissions/s5');
    expect(c.$('#rating-complaint')!.parentElement!.textContent).toContain(
      'Жалоба по этой оценке зарегистрирована и передана другому подразделению.',
    );
    expect(c.button('Сделать жалобой')).toBeUndefined();
  });
});
