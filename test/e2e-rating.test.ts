import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyText, header, parseMime } from '../server/mail/testing/read-mime.ts';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { computed, contrastOnWhite } from './support/contrast.ts';
import { COMMENT_MAX, MIN_FILL_MS } from '../shared/limits.ts';
import { runCli, type RunningServer, startServer, waitFor } from './support/server-process.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

const readMail = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => parseMime(fs.readFileSync(path.join(dir, f))))
    : [];

/** The stars the page without JavaScript draws, by their shapes: «★★★★☆». */
const drawnStars = (page: Page) =>
  page
    .locator('.stars label > [aria-hidden]')
    .evaluateAll((glyphs) => glyphs.map((g) => getComputedStyle(g, '::before').content.replaceAll('"', '')).join(''));

// The demo directory (DEMO on, empty database) has ivanov, managed by head-dks@example.ru.
describe.skipIf(!HAS_CHROMIUM)('signature rating, end to end in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ DEMO: '1', QMS_EMAIL: 'smk@example.ru', CAPTCHA: 'on', ALLOWED_ORIGINS: 'https://site.example' }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records nothing when every link and page is merely opened, even with JavaScript running', async () => {
    const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (compatible; Mimecast-URL-Protect)' });
    const page = await context.newPage();
    for (const n of [1, 2, 3, 4, 5]) {
      await page.goto(`${server.url}/r/ivanov?score=${n}`, { waitUntil: 'networkidle' });
      await page.goto(`${server.url}/r/delivery?score=${n}`, { waitUntil: 'networkidle' });
    }
    await page.goto(`${server.url}/s/ivanov`, { waitUntil: 'networkidle' });
    await page.goto(`${server.url}/demo/ratings.html`, { waitUntil: 'networkidle' });
    await context.close();
    const exported = await runCli(['export'], server.env);
    expect(exported.stdout.trim()).toBe('');
  });

  it('from the signature: the 4th star, a comment, consent to publish, the thank-you, the e-mails, the export', async () => {
    // The way a client without JavaScript (or a strict mail client's browser) meets it.
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/api/v1/employees/ivanov/signature.html`);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'signature-snippet.png') });
    await page.getByRole('link', { name: '★' }).nth(3).click();
    await page.waitForURL(/\/r\/ivanov\?score=4&from=signature$/);
    expect(await page.locator('input[name="score"]:checked').getAttribute('value')).toBe('4');
    // The chosen stars are filled and the others outlined: the score is seen without telling colours apart.
    expect(await drawnStars(page)).toBe('★★★★☆');
    // Both shapes stand out from the white card at least 3:1 (WCAG 1.4.11), the focus ring too.
    await page.keyboard.press('Tab');
    const fourth = page.locator('label[for="star-4"]');
    expect(contrastOnWhite(await computed(fourth, 'color'))).toBeGreaterThanOrEqual(3);
    expect(contrastOnWhite(await computed(fourth, 'outline-color'))).toBeGreaterThanOrEqual(3);
    expect(contrastOnWhite(await computed(page.locator('label[for="star-5"]'), 'color'))).toBeGreaterThanOrEqual(3);
    await page.getByTitle('2 из 5 — плохо').click();
    expect(await drawnStars(page)).toBe('★★☆☆☆');
    await page.getByTitle('4 из 5 — хорошо').click();
    expect(await page.textContent('body')).toContain('Иванов Иван');
    await page.getByLabel('Комментарий о моей работе').fill('Качественно и своевременно оказаны услуги!');
    await page.getByLabel('Я согласен на публикацию отзыва на сайте').check();
    await page.getByLabel('E-mail').fill('client@example.ru');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'rating-page-4.png'), fullPage: true });
    // A person takes longer than a robot: without JavaScript the fill time counts from the page.
    await page.waitForTimeout(MIN_FILL_MS.rating);
    await page.getByRole('button', { name: 'Отправить отзыв' }).click();
    await page.waitForURL(/\/r\/thanks\//);
    expect(await page.textContent('body')).toContain('Спасибо за отзыв!');
    expect(await page.getByRole('img', { name: '4 из 5 — хорошо' }).textContent()).toBe('★★★★☆');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'rating-thanks.png'), fullPage: true });
    await context.close();

    const mails = await waitFor(
      () => readMail(path.join(server.dataDir, 'mail')),
      (m) => m.length >= 3,
    );
    const toManager = mails.find((m) => header(m, 'to')?.includes('head-dks@example.ru'));
    const qmsCopy = mails.find((m) => header(m, 'to')?.includes('smk@example.ru'));
    expect(toManager && header(toManager, 'subject')).toContain('4 из 5');
    expect(toManager && bodyText(toManager, 'text/plain')).toContain('Качественно и своевременно оказаны услуги!');
    expect(qmsCopy && header(qmsCopy, 'subject')).toContain('Копия СМК');

    const exported = await runCli(['export'], server.env);
    const rows = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'rating',
      subject: 'employee',
      employee: 'ivanov',
      channel: 'signature',
      score: 4,
      comment: 'Качественно и своевременно оказаны услуги!',
      publish: true,
      email: 'client@example.ru',
    });
  });

  // Before petrova is rated below: once rated, her page thanks instead of asking.
  it('keeps a click on «publish» when leaving a too long comment draws its error above it', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${server.url}/r/petrova`);
    const widget = page.locator('otklik-rating');
    await page.waitForFunction(() => document.querySelector('otklik-rating')?.shadowRoot?.querySelector('form'));
    const comment = widget.getByLabel('Комментарий о моей работе').filter({ visible: true });
    await comment.fill('а'.repeat(COMMENT_MAX + 1));
    const publish = widget.getByLabel('Я согласен на публикацию отзыва на сайте').filter({ visible: true });
    await publish.click();
    expect(await widget.locator('#comment-error').textContent()).toBeTruthy();
    expect(await publish.isChecked()).toBe(true);
    await page.close();
  });

  it('with JavaScript, the widget takes over the page keeping the chosen score, and records the rating', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${server.url}/r/petrova?score=4`);
    const widget = page.locator('otklik-rating');
    // Until the widget upgrades the element, the server's form is what shows: wait for the takeover.
    await page.waitForFunction(() =>
      document.querySelector('otklik-rating')?.shadowRoot?.querySelector('input[name="score"]'),
    );
    const four = widget.getByRole('radio', { name: '4 из 5 — хорошо' }).filter({ visible: true });
    expect(await four.isChecked()).toBe(true);
    // Four filled ★ and an outlined ☆, each standing out from white at least 3:1 (WCAG 1.4.11).
    const glyphs = widget.locator('.star [aria-hidden]');
    expect((await glyphs.allTextContents()).join('')).toBe('★★★★☆');
    for (const n of [3, 4]) expect(contrastOnWhite(await computed(glyphs.nth(n), 'color'))).toBeGreaterThanOrEqual(3);
    await widget.getByRole('radio', { name: '5 из 5 — отлично' }).filter({ visible: true }).check();
    await widget
      .getByLabel('Комментарий о моей работе')
      .filter({ visible: true })
      .fill('Анна всё объяснила <за пять минут>');
    await widget.getByLabel('Я согласен на публикацию отзыва на сайте').filter({ visible: true }).check();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/ratings') && r.request().method() === 'POST');
    await widget.getByRole('button', { name: 'Отправить отзыв' }).click();
    await widget.getByRole('heading', { name: 'Спасибо за отзыв!' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'rating-widget-thanks.png'), fullPage: true });
    // Taken with CAPTCHA on, with the proof the widget solved; a script can neither leave it out
    // nor send the same one again.
    const response = await posted;
    expect(response.status()).toBe(201);
    const { altcha } = response.request().postDataJSON() as { altcha: string };
    for (const proof of [{}, { altcha }]) {
      const copy = await fetch(`${server.url}/api/v1/ratings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ subject: 'employee', employee: 'petrova', score: 1, publish: false, ...proof }),
      });
      expect(copy.status).toBe(403);
      expect(((await copy.json()) as { error: { code: string } }).error.code).toBe('pow_failed');
    }
    const rows = (await runCli(['export'], server.env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.filter((r) => r.employee === 'petrova')).toHaveLength(1); // the refused copies stored nothing
    expect(rows.find((r) => r.employee === 'petrova')).toMatchObject({
      score: 5,
      comment: 'Анна всё объяснила <за пять минут>',
      publish: true,
      // Reached by a signature's link, sent by the widget through the API: still the signature's.
      channel: 'signature',
    });
    await page.close();
  });

  it('after a send a reload shows the thanks, and a second send from the same browser changes the first rating', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const widget = page.locator('otklik-rating');
    const takeover = () =>
      page.waitForFunction(() =>
        document.querySelector('otklik-rating')?.shadowRoot?.querySelector('input[name="score"]'),
      );
    await page.goto(`${server.url}/r/sidorov?score=2&from=signature`);
    await takeover();
    // A bookkeeper is asked about his own work, not «работа менеджера».
    expect(await widget.locator('legend').first().textContent()).toContain('Оцените мою работу');
    await widget.getByLabel('Комментарий о моей работе').filter({ visible: true }).fill('Долго ждал ответа');
    await widget.getByRole('button', { name: 'Отправить отзыв' }).click();
    await widget.getByRole('heading', { name: 'Спасибо за отзыв!' }).waitFor();
    const thanksUrl = page.url();
    expect(thanksUrl).toMatch(/\/r\/thanks\/[\w-]+$/);

    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Спасибо за отзыв!');
    expect(await page.locator('input[name="score"]').count()).toBe(0);
    const number = /О-\d{4}-\d{5}/.exec((await page.textContent('body')) ?? '')![0];
    await page.screenshot({ path: path.join(SHOTS_DIR, 'rating-thanks-reloaded.png'), fullPage: true });

    // Another of his e-mails, another star the same day: the page says a send changes the rating.
    await page.goto(`${server.url}/r/sidorov?score=5&from=signature`);
    expect(await page.locator('.notice').textContent()).toContain(`Сегодня вы уже оценили: № ${number}, 2 из 5`);
    await takeover();
    await widget.getByLabel('Комментарий о моей работе').filter({ visible: true }).fill('Перезвонили, всё решили');
    await widget.getByRole('button', { name: 'Отправить отзыв' }).click();
    await widget.getByText('Вы изменили свою оценку').waitFor();
    expect(page.url()).toBe(thanksUrl);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'rating-changed.png'), fullPage: true });
    await context.close();

    const rows = (await runCli(['export'], server.env)).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.employee === 'sidorov');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number, score: 5, comment: 'Перезвонили, всё решили', channel: 'signature' });

    const toManager = await waitFor(
      () => readMail(path.join(server.dataDir, 'mail')).filter((m) => header(m, 'to')?.includes('head-lk@example.ru')),
      (m) => m.length >= 2,
    );
    expect(toManager.map((m) => header(m, 'subject')).sort()).toEqual([
      'Оценка 2 из 5 — Сидоров Пётр',
      'Оценка изменена: 5 из 5 — Сидоров Пётр',
    ]);
    const change = toManager.find((m) => header(m, 'subject')?.startsWith('Оценка изменена'))!;
    expect(bodyText(change, 'text/plain')).toContain(`Клиент изменил свою оценку № ${number}`);
    expect(bodyText(change, 'text/plain')).toContain('Была оценка: ★★☆☆☆ 2 из 5 — плохо');
  });
});
