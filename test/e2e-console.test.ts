import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { addConsoleUser, consoleShot, firstSignIn } from './support/console-browser.ts';
import { contrastOnWhite } from './support/contrast.ts';
import { type RunningServer, startServer } from './support/server-process.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

// The demo directory (DEMO on, empty database): ivanov in ДКС, petrova in ОПР.
const XSS = '<img src=x onerror=alert(1)>';
const TO_APPROVE = 'Иван всё настроил за час, спасибо! Пишите мне maria.client@example.ru';
const TO_REJECT = 'Хамство по телефону, больше не обращусь';

const shot = consoleShot;

describe.skipIf(!HAS_CHROMIUM)('the QMS console, end to end in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  const dialogs: string[] = [];

  /** A rating as the widget sends it, with consent to publish. */
  async function rate(key: string, employee: string, score: number, comment: string, name: string) {
    const res = await fetch(`${server.url}/api/v1/ratings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-console-${key}` },
      body: JSON.stringify({
        subject: 'employee',
        employee,
        score,
        comment,
        publish: true,
        name,
        email: `${key}@example.ru`,
      }),
    });
    expect(res.status).toBe(201);
    ids[key] = ((await res.json()) as { id: string }).id;
  }

  const signIn = async (email: string, role: string, department?: string, shots = false) =>
    firstSignIn(
      browser,
      server,
      { email, oneTime: await addConsoleUser(server, email, role, department) },
      {
        dialogs,
        shots,
      },
    );

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ DEMO: '1' }), launchBrowser()]);
    await rate('approve', 'ivanov', 5, TO_APPROVE, 'Мария Иванова');
    await rate('reject', 'petrova', 2, TO_REJECT, 'Пётр Петров');
    await rate('xss', 'petrova', 4, XSS, 'Вася');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a qms user finds a rating by search, publishes it redacted, rejects another; user text stays text', async () => {
    const { context, page } = await signIn('qms@example.ru', 'qms', undefined, true);
    await page.locator('.inbox-table tbody tr').first().waitFor();
    await shot(page, '03-inbox');

    // The inbox: a hostile comment is shown as the text it is.
    const xssRow = page.locator('.inbox-table tbody tr', { hasText: XSS });
    await expect(xssRow.locator('.c-text').textContent()).resolves.toBe(XSS);

    // The keyboard's focus ring stands out from the page 3:1 (WCAG 1.4.11): it was the accent at
    // half strength, 2.2:1 on the console's grey.
    await page.getByRole('searchbox').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor);
    expect(contrastOnWhite(ring, [0xf4, 0xf6, 0xf9])).toBeGreaterThanOrEqual(3);

    // Search: one match, and the URL keeps it.
    await page.getByRole('searchbox').fill('настроил за час');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/\?q=/);
    await expect.poll(() => page.locator('.inbox-table tbody tr').count()).toBe(1);
    await expect(page.locator('.summary').textContent()).resolves.toBe('Найдено 1 сообщение');
    await shot(page, '04-inbox-search');
    await page.locator('.inbox-table tbody tr a').first().click();
    await page.getByRole('heading', { name: /^Оценка № О-\d{4}-\d{5}$/ }).waitFor();
    expect(page.url()).toBe(`${server.url}/admin/submissions/${ids.approve}`);
    await expect(page.locator('.message').first().textContent()).resolves.toBe(TO_APPROVE);
    await shot(page, '05-card');

    // The card of the hostile one: its text, as text.
    await page.goto(`${server.url}/admin/submissions/${ids.xss}`);
    await page.getByRole('heading', { name: /^Оценка №/ }).waitFor();
    await expect(page.locator('.message').first().textContent()).resolves.toBe(XSS);

    await page.getByRole('link', { name: 'Модерация' }).click();
    await page.getByRole('heading', { name: 'Модерация отзывов' }).waitFor();
    const approve = page.locator('article', { hasText: 'настроил за час' });
    const reject = page.locator('article', { hasText: TO_REJECT });
    const xss = page.locator('article', { hasText: XSS });
    await approve.waitFor();
    await expect(xss.locator('.quote').textContent()).resolves.toBe(XSS);
    await shot(page, '06-moderation');

    await approve.getByRole('button', { name: 'Отредактировать' }).click();
    await approve.getByRole('button', { name: 'Скрыть e-mail и телефоны' }).click();
    await expect(approve.getByLabel('Текст для публикации').inputValue()).resolves.toBe(
      'Иван всё настроил за час, спасибо! Пишите мне [скрыто]',
    );
    await shot(page, '07-moderation-redact');
    await approve.getByRole('button', { name: 'Опубликовать этот текст' }).click();
    await page.getByRole('status').filter({ hasText: 'опубликован' }).waitFor();
    await approve.waitFor({ state: 'detached' });

    await reject.getByRole('button', { name: 'Отклонить' }).click();
    await reject.getByRole('button', { name: 'Отклонить отзыв' }).click();
    await expect(reject.locator('.field-error').textContent()).resolves.toBe('Укажите причину отказа');
    await reject.getByLabel('Причина отказа').fill('Оскорбительный тон');
    await shot(page, '08-moderation-reject');
    await reject.getByRole('button', { name: 'Отклонить отзыв' }).click();
    await reject.waitFor({ state: 'detached' });

    // Published: on the public page, redacted; the rejected one appears nowhere public.
    const reviewsPage = await context.newPage();
    const res = await reviewsPage.goto(`${server.url}/reviews`);
    if (res?.status() !== 404) {
      const text = await reviewsPage.textContent('body');
      expect(text).toContain('Иван всё настроил за час, спасибо! Пишите мне [скрыто]');
      expect(text).not.toContain('maria.client@example.ru');
      expect(text).not.toContain(TO_REJECT);
      await reviewsPage.screenshot({ path: path.join(SHOTS_DIR, 'console-09-public-reviews.png'), fullPage: true });
      const api = await (await fetch(`${server.url}/api/v1/reviews?limit=50`)).text();
      expect(api).toContain('[скрыто]');
      expect(api).not.toContain(TO_REJECT);
      await reviewsPage.goto(`${server.url}/demo/`);
      const widget = reviewsPage.locator('otklik-reviews').first();
      await widget.getByText('Иван всё настроил за час').waitFor();
      expect(await widget.textContent()).not.toContain(TO_REJECT);
    }
    await reviewsPage.close();

    // The card keeps the decision in its history.
    await page.goto(`${server.url}/admin/submissions/${ids.reject}`);
    await page.locator('.timeline', { hasText: 'Оскорбительный тон' }).waitFor();
    await expect(page.locator('.card-side').textContent()).resolves.toContain('Отклонён');

    // The rest of the console, looked at.
    await page.goto(`${server.url}/admin/directory`);
    await page.getByRole('cell', { name: 'ДКС', exact: true }).waitFor();
    await shot(page, '10-directory-departments');
    await page.getByRole('link', { name: 'Сотрудники' }).click();
    await page.getByRole('button', { name: 'Подпись Иванов Иван' }).click();
    const preview = page.frameLocator('iframe.sig-preview');
    await preview.getByText('Расскажите моему руководителю, как я работаю!').waitFor();
    expect(await page.locator('iframe.sig-preview').getAttribute('sandbox')).toBe('');
    // Drawn as the recipient sees it: the snippet's inline styles apply (a srcdoc frame took the console's policy).
    const star = preview.locator('a[title]').first();
    expect(await star.evaluate((a) => getComputedStyle(a).fontSize)).toBe('24px');
    await shot(page, '11-directory-employees-signature');
    await page.getByRole('link', { name: 'Предметы оценки' }).click();
    await page
      .getByRole('cell', { name: /^Качество доставки/ })
      .first()
      .waitFor();
    await shot(page, '12-directory-subjects');
    await page.getByRole('link', { name: 'Журнал' }).click();
    await page.locator('.audit-table tbody tr').first().waitFor();
    await expect(page.locator('.audit-table').textContent()).resolves.toContain('Отзыв опубликован');
    await shot(page, '13-audit');
    // A bot's post fills the honeypot: refused, counted, shown under «Отказы» (counts only).
    await fetch(`${server.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'thanks', message: 'Бот', consent: true, website: 'http://spam.example' }),
    });
    await page.getByRole('link', { name: 'Отказы' }).click();
    await page.locator('.refusals-table tbody tr').first().waitFor();
    await expect(page.locator('.refusals-table thead').textContent()).resolves.toContain('Заполнено скрытое поле');
    await expect(page.locator('.refusals-table tfoot').textContent()).resolves.toMatch(/Итого\s*1\s*1/);
    await shot(page, '13-refusals');
    await page.getByRole('link', { name: 'Сменить пароль' }).click();
    await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
    await shot(page, '14-password', false);

    // On a phone: the same inbox and card.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/admin/`);
    await page.locator('.inbox-table tbody tr').first().waitFor();
    await shot(page, '15-phone-inbox', false);
    await page.getByRole('button', { name: 'Меню' }).click();
    await shot(page, '16-phone-menu', false);
    await page.goto(`${server.url}/admin/submissions/${ids.xss}`);
    await page.getByRole('heading', { name: /^Оценка №/ }).waitFor();
    await shot(page, '17-phone-card');

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("a handler sees his department only: another department's card is «not found», in the UI and the API", async () => {
    const { context, page } = await signIn('dks@example.ru', 'handler', 'ДКС');
    await page.locator('.inbox-table tbody tr').first().waitFor();
    const rows = await page.locator('.inbox-table tbody tr').allTextContents();
    expect(rows.join('\n')).toContain('Иванов Иван');
    expect(rows.join('\n')).not.toContain('Петрова Анна');
    await shot(page, '18-handler-inbox');

    await page.goto(`${server.url}/admin/submissions/${ids.xss}`);
    await page.getByRole('heading', { name: 'Обращение не найдено' }).waitFor();
    await shot(page, '19-handler-foreign-card', false);
    const status = await page.evaluate(async (id) => (await fetch(`/api/admin/submissions/${id}`)).status, ids.xss);
    expect(status).toBe(404);

    // His own department's card opens, with the status and comments only.
    await page.goto(`${server.url}/admin/submissions/${ids.approve}`);
    await page.getByRole('heading', { name: /^Оценка №/ }).waitFor();
    expect(await page.locator('.card-side select').count()).toBe(1);
    await page.getByLabel('Статус').selectOption('in_progress');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await page.getByLabel('Текст').fill(XSS);
    await page.getByRole('button', { name: 'Добавить комментарий' }).click();
    await expect(page.locator('.timeline .ev-comment .message').last().textContent()).resolves.toBe(XSS);
    await shot(page, '20-handler-card');
    expect(await page.getByRole('link', { name: 'Модерация' }).count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('an admin creates a user and sees the one-time password once', async () => {
    const { context, page } = await signIn('admin@example.ru', 'admin');
    await page.getByRole('link', { name: 'Пользователи' }).click();
    await page.locator('td', { hasText: 'qms@example.ru' }).first().waitFor();
    await shot(page, '21-users');
    await page.getByRole('button', { name: 'Добавить пользователя' }).click();
    await page.getByLabel('E-mail').fill('viewer@example.ru');
    await page.getByLabel('Имя').fill('Наблюдатель');
    await page.getByLabel('Роль').selectOption('viewer');
    await page.getByRole('button', { name: 'Создать и показать пароль' }).click();
    const otp = await page.locator('.otp').textContent();
    expect(otp?.length).toBeGreaterThanOrEqual(10);
    await shot(page, '22-users-one-time-password');
    await page.getByRole('button', { name: 'Готово, пароль передан' }).click();
    expect(await page.locator('.otp').count()).toBe(0);
    await page.locator('td', { hasText: 'viewer@example.ru' }).first().waitFor();
    await context.close();
  });
});
