import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../server/app.ts';
import { seedDemoDirectory } from '../server/directory/demo-seed.ts';
import { loadConfig } from '../server/env.ts';
import { addRating, decide, publishedRating } from '../server/reviews/testing.ts';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { computed, contrastOnWhite } from './support/contrast.ts';
import { createUser } from './support/console.ts';
import { openTestDb, type TestDb } from './support/databases.ts';
import { fakeClock } from './support/test-app.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

const XSS = '<img src=x onerror=alert(1)>';

// The app as server/index.ts builds it, over HTTP, with the demo site, the built widget and the
// built console (`npm test` builds them first), and one page of this test's own: a site showing
// the delivery's reviews.
describe.skipIf(!HAS_CHROMIUM)('published reviews in Chromium: the page, and the widget on the demo site', () => {
  let t: TestDb;
  let server: ServerType;
  let url: string;
  let browser: Browser;
  let qms: { email: string; password: string };
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await openTestDb('sqlite');
    const clock = fakeClock();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-e2e-reviews-'));
    const app = createApp({ db: t.db, config: loadConfig({ DATA_DIR: dataDir, DEMO: '1' }), clock });
    app.get('/e2e/delivery.html', (c) =>
      c.html(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Доставка</title></head>
<body style="margin:0;padding:16px;font-family:system-ui;background:#fafafa"><h1>Доставка</h1>
<otklik-reviews subject="delivery" limit="5"></otklik-reviews><script src="/embed.js" async></script></body></html>`),
    );
    await seedDemoDirectory(t.db, clock);
    qms = await createUser(t.db, clock, { email: 'smk@example.ru', role: 'qms', name: 'Матвеева Анна' });
    const id = async (slug: string) =>
      (await t.db.selectFrom('employees').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const ivanov = await id('ivanov');
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 5,
      comment: 'Качественно и своевременно оказаны услуги!',
      name: 'Петрова Анна Сергеевна',
      organization: 'ООО «Ромашка»',
      email: 'anna@romashka.ru',
      publishedAt: '2026-11-20T09:00:00.000Z',
    });
    await publishedRating(t.db, {
      employeeId: ivanov,
      score: 4,
      comment: XSS,
      name: 'Олег Смирнов',
      publishedAt: '2026-11-21T09:00:00.000Z',
    });
    // A long name, as real ones are: it must fit a 320 px phone beside its score.
    await t.db
      .updateTable('employees')
      .set({ name: 'Петрова-Водкина Александра Константиновна' })
      .where('slug', '=', 'petrova')
      .execute();
    await publishedRating(t.db, {
      employeeId: await id('petrova'),
      score: 3,
      comment: 'Ответили не сразу',
      publishedAt: '2026-11-19T09:00:00.000Z',
    });
    const secret = await addRating(t.db, {
      employeeId: ivanov,
      score: 1,
      comment: 'Без согласия на публикацию',
      publish: false,
    });
    await decide(t.db, secret, 'approved', '2026-11-22T09:00:00.000Z'); // forged: never shown
    await publishedRating(t.db, {
      subject: 'delivery',
      score: 2,
      comment: 'Привезли на день позже обещанного',
      name: 'Олег',
      publishedAt: '2026-11-18T09:00:00.000Z',
    });
    await publishedRating(t.db, {
      subject: 'delivery',
      score: 5,
      comment: 'Курьер приехал точно в срок',
      publishedAt: '2026-11-17T09:00:00.000Z',
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        url = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    const context = await browser.newContext({
      locale: 'ru-RU',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
    return { page, close: () => context.close() };
  }

  it('shows /reviews without JavaScript: newest first, the markup comment as text, a filter by employee', async () => {
    const { page, close } = await open('/reviews', { javaScriptEnabled: false });
    await expect
      .poll(() => page.locator('.rv-text').allTextContents())
      .toEqual([
        XSS,
        'Качественно и своевременно оказаны услуги!',
        'Ответили не сразу',
        'Привезли на день позже обещанного',
        'Курьер приехал точно в срок',
      ]);
    expect(await page.locator('.rv-text img').count()).toBe(0);
    const body = await page.textContent('body');
    expect(body).toContain('Анна П., ООО «Ромашка»');
    expect(body).not.toContain('Без согласия на публикацию');
    expect(body).not.toContain('anna@romashka.ru');
    // A missing star is an outlined ☆ standing out from the white card at least 3:1 (WCAG 1.4.11).
    const off = page.locator('.rv-stars .off').filter({ hasText: '☆' }).first();
    expect(contrastOnWhite(await computed(off, 'color'))).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page.png'), fullPage: true });

    await page.getByRole('link', { name: /Иванов Иван/ }).click();
    await page.waitForURL(/\/reviews\?employee=ivanov$/);
    expect(await page.locator('.rv-item').count()).toBe(2);
    expect(await page.locator('.rv-summary').textContent()).toContain('4,5');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-ivanov.png'), fullPage: true });
    await close();
  });

  it('fits a 320 px phone without sideways scrolling, a long name beside its score', async () => {
    const { page, close } = await open('/reviews?employee=ivanov', { width: 320 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-320.png'), fullPage: true });
    await close();
  });

  it('shows <otklik-reviews employee="ivanov"> on the demo site, in its shadow root, with the link to all', async () => {
    const { page, close } = await open('/demo/ratings.html');
    const widget = page.locator('otklik-reviews');
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.locator('li').count()).toBe(2);
    expect(await widget.locator('.avg').getAttribute('aria-label')).toBe('Средняя оценка 4,5 из 5');
    expect(await widget.locator('.text').first().textContent()).toBe(XSS);
    expect(await widget.evaluate((el) => el.shadowRoot!.querySelector('img'))).toBeNull();
    expect(await widget.locator('.sum').textContent()).toContain('2 отзыва');
    const off = widget.locator('.stars i').filter({ hasText: '☆' }).first();
    expect(contrastOnWhite(await computed(off, 'color'))).toBeGreaterThanOrEqual(3);
    await widget.screenshot({ path: path.join(SHOTS_DIR, 'reviews-widget.png') });

    await widget.getByRole('link', { name: 'Смотрите все отзывы' }).click();
    await page.waitForURL(`${url}/reviews?employee=ivanov`);
    expect(await page.locator('h1').textContent()).toBe('Отзывы о работе сотрудников');
    await close();

    const home = await open('/demo/index.html');
    const all = home.page.locator('otklik-reviews');
    await all.scrollIntoViewIfNeeded();
    await expect.poll(() => all.locator('li').count()).toBe(3);
    expect(await all.locator('h2').count()).toBe(0); // header="none": the page's «Отзывы» heads it
    await home.close();
  });

  it('gives the delivery its own section on /reviews, and its reviews to <otklik-reviews subject="delivery">', async () => {
    for (const width of [1280, 390]) {
      const { page, close } = await open('/reviews', { width });
      const nav = page.getByRole('navigation', { name: 'Отзывы по сотрудникам и услугам' });
      expect(await nav.getByRole('heading').allTextContents()).toEqual(['Сотрудники', 'Услуги']);
      // The employees together don't count the delivery's two: 4,0 of three, not 3,4 of five.
      expect(await nav.getByRole('link', { name: /Все сотрудники/ }).textContent()).toContain('3 отзыва');
      const delivery = nav.getByRole('link', { name: /Качество доставки/ });
      expect(await delivery.textContent()).toMatch(/3,5\s*2 отзыва/);
      if (width === 390) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-services-390.png'), fullPage: true });
        await close();
        continue;
      }
      await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-services.png'), fullPage: true });
      await delivery.click();
      await page.waitForURL(/\/reviews\?subject=delivery$/);
      expect(await page.locator('h2').last().textContent()).toBe('Качество доставки');
      expect(await page.locator('.rv-text').allTextContents()).toEqual([
        'Привезли на день позже обещанного',
        'Курьер приехал точно в срок',
      ]);
      await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-delivery.png'), fullPage: true });
      await close();
    }

    for (const width of [1280, 390]) {
      const { page, close } = await open('/e2e/delivery.html', { width });
      const widget = page.locator('otklik-reviews');
      await expect.poll(() => widget.locator('li').count()).toBe(2);
      expect(await widget.locator('h2').textContent()).toBe('Отзывы клиентов');
      expect(await widget.locator('.who').textContent()).toBe('Качество доставки');
      expect(await widget.locator('.avg').getAttribute('aria-label')).toBe('Средняя оценка 3,5 из 5');
      expect(await widget.locator('.text').allTextContents()).toEqual([
        'Привезли на день позже обещанного',
        'Курьер приехал точно в срок',
      ]);
      expect(await widget.getByRole('link', { name: 'Смотрите все отзывы' }).getAttribute('href')).toBe(
        `${url}/reviews?subject=delivery`,
      );
      await page.screenshot({ path: path.join(SHOTS_DIR, `reviews-widget-delivery-${width}.png`), fullPage: true });
      await close();
    }
  });

  it('takes a review down in the console: gone from /reviews and from the widget at once', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${url}/admin/`);
    await page.getByLabel('E-mail').fill(qms.email);
    await page.getByLabel('Пароль', { exact: true }).fill(qms.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: 'Входящие' }).waitFor();
    await page.getByRole('link', { name: 'Модерация' }).first().click();
    await page.getByRole('link', { name: 'Опубликованные' }).click();
    await page.waitForURL(/\/admin\/moderation\?list=published$/);

    const review = page.getByRole('article').filter({ hasText: 'Качественно и своевременно оказаны услуги!' });
    await review.getByRole('button', { name: 'Снять с публикации' }).click();
    await review.getByLabel('Причина снятия').selectOption({ label: 'Клиент отозвал согласие на публикацию' });
    await review.getByLabel('Пояснение').fill('письмо клиента от 22.11');
    // The console's header is sticky: from the top, a full-page picture shows it once, at the top.
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS_DIR, 'console-moderation-unpublish.png'), fullPage: true });
    await review.getByRole('button', { name: 'Снять с публикации' }).click();
    await expect.poll(() => review.count()).toBe(0);
    expect(await page.getByRole('status').first().textContent()).toContain('снят с публикации');
    await page.setViewportSize({ width: 390, height: 844 });
    const next = page.getByRole('article').first();
    await next.getByRole('button', { name: 'Снять с публикации' }).click();
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS_DIR, 'console-moderation-unpublish-390.png'), fullPage: true });
    await next.getByRole('button', { name: 'Отмена' }).click();
    await context.close();

    const reviews = await open('/reviews');
    expect(await reviews.page.locator('.rv-text').allTextContents()).not.toContain(
      'Качественно и своевременно оказаны услуги!',
    );
    expect(await reviews.page.textContent('body')).not.toContain('Анна П., ООО «Ромашка»');
    await reviews.close();
    const demo = await open('/demo/ratings.html');
    const widget = demo.page.locator('otklik-reviews');
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.locator('li').count()).toBe(1);
    expect(await widget.locator('.text').allTextContents()).toEqual([XSS]);
    expect(await widget.locator('.sum').textContent()).toContain('1 отзыв');
    await demo.close();
  });

  it('ran no script of any review', () => {
    expect(dialogs).toEqual([]);
  });
});
