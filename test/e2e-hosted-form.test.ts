import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MIN_FILL_MS } from '../shared/limits.ts';
import { HAS_CHROMIUM, launchBrowser, SHOTS_DIR } from './support/browser.ts';
import { computed, contrastOnWhite } from './support/contrast.ts';
import { type RunningServer, startServer } from './support/server-process.ts';

// A real server and Chromium per file: generous under a loaded CI machine, still bounded.
vi.setConfig({ testTimeout: 60_000 });

describe.skipIf(!HAS_CHROMIUM)('hosted form /f in Chromium with JavaScript off', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    // With a list of sites, as production runs: our own page's post must still be taken.
    [server, browser] = await Promise.all([
      startServer({ CAPTCHA: 'on', ALLOWED_ORIGINS: 'https://site.example' }),
      launchBrowser(),
    ]);
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
    // A person takes longer than a robot: without JavaScript the fill time counts from the page.
    await page.waitForTimeout(MIN_FILL_MS.feedback);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.waitForURL(/\/f\/thanks\//);
    expect(await page.locator('.number').textContent()).toMatch(/^\d{4}-00001$/);
    expect(await page.textContent('body')).toContain('Спасибо за предложение!');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'hosted-thanks.png'), fullPage: true });
    await context.close();
  });

  it('draws the fields and the focus ring at least 3:1 against the white card (WCAG 1.4.11)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/f`);
    await page.focus('#f-message');
    const shown: Record<string, number> = {};
    for (const [selector, property] of [
      ['.kinds label', 'border-top-color'],
      ['#f-name', 'border-top-color'],
      ['#f-message', 'border-top-color'],
      ['#f-message', 'outline-color'],
    ] as const)
      shown[`${selector} ${property}`] = contrastOnWhite(await computed(page.locator(selector).first(), property));
    expect(Object.entries(shown).filter(([, ratio]) => ratio < 3)).toEqual([]);
    expect(await computed(page.locator('#f-message'), 'outline-style')).toBe('solid');
    await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('hosted form /f in Chromium with JavaScript on', () => {
  const CONTACT = 'Заполните заявку или обратитесь по тел. +7 863 300-10-00, руководитель СМК — Анна Матвеева';
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({
        COMPANY_CONTACT: CONTACT,
        COMPANY_SITE: 'gendalf.ru',
        CAPTCHA: 'on',
        ALLOWED_ORIGINS: 'https://site.example',
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the contact line, refuses an .exe before sending, thanks a thanks and offers the company site', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${server.url}/f`);
    const host = page.locator('otklik-feedback');
    // The widget took over the plain form: its own is in the shadow root (`.otk`), the plain one stays unseen.
    const form = host.locator('.otk');
    await form.waitFor();
    expect(await form.locator('form > p.hint').first().textContent()).toBe(CONTACT);
    // On the same card as the plain form, not a flat white block edge to edge with its fields.
    expect(
      await host.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.borderRadius, style.paddingLeft];
      }),
    ).toEqual(['12px', '20px']);

    await form.getByRole('radio', { name: 'Благодарность' }).check();
    await form.getByLabel('Ваше сообщение').fill('Спасибо Ивану за быструю помощь!');
    await form
      .locator('input[type="file"]')
      .setInputFiles([{ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }]);
    expect(await form.locator('#files-error').textContent()).toMatch(/не принимаются.*: setup\.exe$/);
    // …and says it through the live region: the focus stays on the picker, away from that error.
    expect(await form.getByRole('status').textContent()).toMatch(/не принимаются.*: setup\.exe$/);
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Отправить' }).click();

    await form.getByRole('heading', { name: 'Спасибо за благодарность!' }).waitFor();
    const shown = await host.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shown).not.toMatch(/заявка принята|рабочих дней/);
    expect(await form.getByRole('link', { name: 'Перейти на сайт gendalf.ru' }).getAttribute('href')).toBe(
      'https://gendalf.ru',
    );
    expect(await form.getByRole('button', { name: 'Отправить ещё одно обращение' }).count()).toBe(1);
    await page.close();
  });

  it('in English: the agreements open in English', async () => {
    const page = await browser.newPage({ locale: 'ru-RU' });
    await page.goto(`${server.url}/f?lang=en`);
    const form = page.locator('otklik-feedback .otk');
    await form.waitFor();
    const href = await form.getByRole('link', { name: 'personal data agreement' }).getAttribute('href');
    await page.goto(new URL(href!, server.url).href);
    expect(await page.locator('h1').textContent()).toBe('Consent to the processing of personal data');
    await page.close();
  });
});
