import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyText, header, readMailDir } from '../server/mail/testing/read-mime.ts';
import { HAS_CHROMIUM, launchBrowser } from './support/browser.ts';
import { addConsoleUser, consoleShot, firstSignIn } from './support/console-browser.ts';
import { type RunningServer, startServer, waitFor } from './support/server-process.ts';

// A real server and Chromium: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 120_000 });

const MESSAGE = 'Программа загружается 3–4 минуты, уже обращались — не помогли';

/** Today in Moscow, `YYYY-MM-DD`: the day the complaint is registered. */
const moscowToday = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);

describe.skipIf(!HAS_CHROMIUM)('the complaint process, end to end in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ DEMO: '1', QMS_EMAIL: 'smk@example.ru', COMPANY_NAME: 'ООО «Пример»' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stepRow = (page: Page, step: string) =>
    page.locator('section[aria-labelledby="complaint-stage1"] tbody tr', { hasText: `${step} ` }).first();

  /** Marks a step of stage 1 done with a comment, and waits for the card to say so. */
  async function markStep(page: Page, step: string, comment: string) {
    await page.getByRole('button', { name: `Отметить выполненным шаг ${step}` }).click();
    await page
      .getByRole('form', { name: new RegExp(`^Шаг ${step.replace('.', '\\.')}`) })
      .getByLabel('Комментарий')
      .fill(comment);
    await page.getByRole('button', { name: `Отметить шаг ${step} выполненным` }).click();
    await stepRow(page, step)
      .getByText(/^✓? ?Выполнено/)
      .waitFor();
  }

  it('a phone complaint: registered with what to tell the client, assigned to the default responsible, worked through and closed', async () => {
    const handler = {
      email: 'dks@example.ru',
      oneTime: await addConsoleUser(server, 'dks@example.ru', 'handler', 'ДКС'),
    };
    const qmsUser = { email: 'qms@example.ru', oneTime: await addConsoleUser(server, 'qms@example.ru', 'qms') };

    // The QMS makes the ДКС handler the department's default responsible.
    const qms = await firstSignIn(browser, server, qmsUser, { dialogs });
    let page = qms.page;
    await page.goto(`${server.url}/admin/directory`);
    await page.getByRole('button', { name: 'Изменить ДКС' }).click();
    await page
      .getByLabel('Ответственный по умолчанию')
      .selectOption({ label: 'Тест handler — Ответственный подразделения' });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('row', { name: /ДКС/ }).getByText('Тест handler').waitFor();

    // A client calls: the QMS registers the complaint by hand and reads out the number and the date.
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('link', { name: 'Зарегистрировать жалобу' }).click();
    await page.getByRole('heading', { name: 'Зарегистрировать жалобу' }).waitFor();
    await page.getByLabel('Канал поступления').selectOption('phone');
    await page.getByLabel('Организация').fill('Союз молодежи и добровольцев Дона РРМОО');
    await page.getByLabel('ИНН').fill('6165456519');
    await page.getByLabel('Контактное лицо').fill('Лоськова Галина Николаевна');
    await page.getByLabel('Должность').fill('Бухгалтер');
    await page.getByLabel('Телефон').fill('(951) 511-35-23');
    await page.getByLabel('E-mail').fill('loskova@example.ru');
    await page.getByLabel('Дата ситуации').fill(moscowToday());
    await page.getByLabel('Что произошло').fill(MESSAGE);
    await page.getByLabel('Кто выполнял работу').fill('Бадыштова К.');
    await page.getByLabel('Подразделение').selectOption({ label: 'ДКС' });
    await consoleShot(page, 'complaint-01-register');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    const tell = page.locator('section.tell-client');
    await tell.getByRole('heading', { name: 'Скажите клиенту сейчас' }).waitFor();
    const said = (await tell.locator('.tell-text').textContent()) ?? '';
    const number = /№ (\d{4}-\d{5})/.exec(said)?.[1];
    expect(number).toBeDefined();
    expect(said).toMatch(/Срок ответа — до \d{1,2} [а-я]+ \d{4} г\./);
    await consoleShot(page, 'complaint-02-tell-client', false);

    // Its card: assigned at once to the department's default responsible.
    await tell.getByRole('link', { name: `Открыть карточку № ${number}` }).click();
    await page.getByRole('heading', { name: `Обращение № ${number}` }).waitFor();
    const responsible = page.getByLabel('Ответственный за разбор');
    await expect.poll(async () => responsible.locator('option:checked').textContent()).toBe('Тест handler');
    await expect(stepRow(page, '1.1').textContent()).resolves.toMatch(/Осталось/);
    await qms.context.close();

    // The responsible person got an e-mail with the link to the card.
    const mailTo = (to: string) => () =>
      readMailDir(path.join(server.dataDir, 'mail')).find((m) => header(m, 'to')?.includes(to));
    const assigned = await waitFor(mailTo('dks@example.ru'), (m) => m !== undefined);
    expect(header(assigned!, 'subject')).toContain(number);
    expect(bodyText(assigned!, 'text/plain')).toMatch(/\/admin\/submissions\/[\w-]+/);

    // The handler works it through.
    const work = await firstSignIn(browser, server, handler, { dialogs, acceptDialogs: true });
    page = work.page;
    await page.getByRole('link', { name: number! }).first().click();
    await page.getByRole('heading', { name: `Обращение № ${number}` }).waitFor();
    await markStep(page, '1.1', 'Взяла в работу');

    // A reply by e-mail marks the first contact, and goes out as an .eml.
    await page.getByLabel('Текст письма').fill('Здравствуйте! Мы разбираемся и перезвоним сегодня.');
    await page.locator('form[aria-labelledby="complaint-reply"]').getByLabel('Это первый контакт (1.2)').check();
    await page.getByRole('button', { name: 'Отправить письмо' }).click();
    await stepRow(page, '1.2')
      .getByText(/Выполнено/)
      .waitFor();
    const reply = await waitFor(
      () =>
        readMailDir(path.join(server.dataDir, 'mail')).find((m) =>
          header(m, 'subject')?.startsWith('Ответ на обращение'),
        ),
      (m) => m !== undefined,
    );
    expect(header(reply!, 'subject')).toBe(`Ответ на обращение № ${number}`);
    expect(header(reply!, 'to')).toContain('loskova@example.ru');
    expect(header(reply!, 'reply-to')).toContain('smk@example.ru');
    expect(bodyText(reply!, 'text/plain')).toContain('Мы разбираемся и перезвоним сегодня.');

    // A call, recorded.
    await page.getByLabel('О чём говорили').fill('Договорились подключиться удалённо завтра в 10:00');
    await page.getByRole('button', { name: 'Записать звонок' }).click();
    await page.locator('.timeline', { hasText: 'Договорились подключиться удалённо' }).waitFor();

    await markStep(page, '1.3', 'Согласовали переустановку платформы');
    await page.getByLabel('Дата, согласованная с клиентом').fill(moscowToday());
    await page.getByRole('button', { name: 'Сохранить дату' }).click();
    await expect.poll(() => stepRow(page, '1.4').textContent()).not.toContain('Срок не задан');
    await markStep(page, '1.4', 'Переустановили платформу');
    await markStep(page, '1.5', 'Клиент подтвердил: загружается за 10 секунд');

    // Classified, then stage 1 and the complaint closed.
    await page.getByLabel('Обоснованность').selectOption('justified');
    await page.getByLabel('Удовлетворён решением').selectOption('true');
    await page.getByLabel('Лоялен по итогу').selectOption('true');
    await page.getByLabel('Коррекция или компенсация').selectOption('repair');
    await page.getByRole('button', { name: 'Сохранить классификацию' }).click();
    await page.locator('.timeline', { hasText: 'Обоснованность' }).waitFor();
    await consoleShot(page, 'complaint-03-card-desktop');
    await page.getByRole('button', { name: 'Закрыть этап 1' }).click();
    await page.getByRole('button', { name: 'Закрыть жалобу' }).click();
    await page.locator('.complaint', { hasText: 'Жалоба закрыта' }).waitFor();
    await page.locator('.badge', { hasText: 'Закрыто' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Отметить выполненным шаг 1.6' }).count()).toBe(0);
    await consoleShot(page, 'complaint-04-closed-desktop');

    // The same card on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: `Обращение № ${number}` }).waitFor();
    await consoleShot(page, 'complaint-05-closed-phone', false);
    await page.locator('section[aria-labelledby="complaint-stage1"]').scrollIntoViewIfNeeded();
    await consoleShot(page, 'complaint-06-steps-phone', false);

    // The API agrees with what the screen showed.
    const card = await page.evaluate(async (n) => {
      const list = await (await fetch(`/api/admin/submissions?q=${n}`)).json();
      return (await fetch(`/api/admin/submissions/${list.items[0].id}`)).json();
    }, number);
    expect(card.status).toBe('closed');
    expect(card.channel).toBe('phone');
    expect(card.complaint).toMatchObject({
      justification: 'justified',
      satisfied: true,
      loyal: true,
      origin: 'console',
    });
    expect(card.complaint.steps.every((s: { doneAt: string | null }) => s.doneAt !== null)).toBe(true);
    expect(dialogs).toEqual([`Закрыть жалобу № ${number}? Изменить разбор можно будет, только открыв её снова.`]);

    // The client calls back: the problem is back. The QMS opens it again, saying why.
    await page.getByRole('button', { name: 'Открыть жалобу снова' }).click();
    await page.getByLabel('Почему открывается снова').fill('Клиент перезвонил: отчёт снова не строится');
    await consoleShot(page, 'complaint-07-reopen-phone', false);
    await page.locator('form[aria-label="Открыть жалобу снова"] button[type="submit"]').click();
    await page.getByRole('button', { name: 'Закрыть этап 1' }).waitFor();
    await page.locator('.timeline', { hasText: 'Клиент перезвонил: отчёт снова не строится' }).waitFor();
    expect(await page.locator('.complaint .note', { hasText: 'Жалоба закрыта' }).count()).toBe(0);
    await work.context.close();
  });
});
