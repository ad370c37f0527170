import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server-process.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

describe.skipIf(!HAS_CHROMIUM)('hosted form /f in Chromium with JavaScript off', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows errors, then takes the message with a file and shows the number', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/f`);
    await page.getByRole('button', { name: 'Отправить' }).click();
    const errors = await page.locator('.error').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining(['Заполните это поле', 'Нужно согласие на обработку персональных данных']),
    );

    await page.getByLabel('Предложение').check();
    await page.getByLabel('Ваше сообщение').fill('Добавьте, пожалуйста, вечерние часы приёма');
    await page.getByLabel('E-mail').fill('client@example.ru');
    const pdf = path.join(server.dataDir, 'предложение.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    await page.getByLabel(/^Файл/).setInputFiles(pdf);
    await page.getByRole('checkbox').check();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'hosted-form-nojs.png'), fullPage: true });
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.waitForURL(/\/f\/thanks\//);
    expect(await page.locator('.number').textContent()).toMatch(/^\d{4}-00001$/);
    expect(await page.textContent('body')).toContain('Ваша заявка принята!');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'hosted-thanks.png'), fullPage: true });
    await context.close();
  });
});
