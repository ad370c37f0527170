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
import { reviewsPage } from '../server/reviews/page.ts';
import { reviewsApi } from '../server/reviews/routes.ts';
import { addRating, decide, publishedRating } from '../server/reviews/testing.ts';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { openTestDb, type TestDb } from './support/databases.ts';
import { fakeClock } from './support/test-app.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

const XSS = '<img src=x onerror=alert(1)>';

// The app as server/index.ts builds it, over HTTP, with the demo site and the built widget
// (`npm test` builds it first). The reviews routers are mounted on top: once server/app.ts mounts
// them itself, its own mount answers first and this one is never reached.
describe.skipIf(!HAS_CHROMIUM)('published reviews in Chromium: the page, and the widget on the demo site', () => {
  let t: TestDb;
  let server: ServerType;
  let url: string;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await openTestDb('sqlite');
    const clock = fakeClock();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-e2e-reviews-'));
    const app = createApp({ db: t.db, config: loadConfig({ DATA_DIR: dataDir, DEMO: '1' }), clock });
    app.route('/api/v1/reviews', reviewsApi({ db: t.db }));
    app.route('/reviews', reviewsPage({ db: t.db }));
    await seedDemoDirectory(t.db, clock);
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
      .toEqual([XSS, 'Качественно и своевременно оказаны услуги!', 'Ответили не сразу']);
    expect(await page.locator('.rv-text img').count()).toBe(0);
    const body = await page.textContent('body');
    expect(body).toContain('Анна П., ООО «Ромашка»');
    expect(body).not.toContain('Без согласия на публикацию');
    expect(body).not.toContain('anna@romashka.ru');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page.png'), fullPage: true });

    await page.getByRole('link', { name: /Иванов Иван/ }).click();
    await page.waitForURL(/\/reviews\?employee=ivanov$/);
    expect(await page.locator('.rv-item').count()).toBe(2);
    expect(await page.locator('.rv-summary').textContent()).toContain('4,5');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-ivanov.png'), fullPage: true });
    await close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page, close } = await open('/reviews', { width: 360 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'reviews-page-360.png'), fullPage: true });
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

  it('ran no script of any review', () => {
    expect(dialogs).toEqual([]);
  });
});
