import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server-process.ts';

// Issue 10: every page under its Content-Security-Policy (server/http/page-policy.ts), opened in
// Chromium: the page works, and the browser reports no violation — an inline script, handler or
// style the policy blocks would show here before it shows to a client.

vi.setConfig({ testTimeout: 60_000 });

/** A page, and what shows it works with its scripts and styles: a selector that must appear. */
const PAGES: Array<[string, string]> = [
  ['/f', 'otklik-feedback textarea:visible'],
  ['/f?lang=en', 'otklik-feedback textarea:visible'],
  ['/r/ivanov?score=4&from=signature', 'otklik-rating textarea:visible'],
  ['/r/delivery', 'otklik-rating textarea:visible'],
  ['/s/ivanov', '#sig a'],
  ['/reviews', 'h1'],
  ['/legal/personal-data', 'h1'],
  ['/survey/unknown', 'h1'],
  ['/demo/', 'otklik-reviews'],
  ['/demo/ratings.html', '#signature table'],
  ['/admin/', 'input[type=email]'],
  ['/no-such-page', 'h1'],
];

describe.skipIf(!HAS_CHROMIUM)('pages under their Content-Security-Policy in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ DEMO: '1', RATE_LIMIT: '0' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page and collects what the browser refused under the policy. */
  async function open(path: string): Promise<{ page: Page; violations: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.exposeFunction('cspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { cspViolation(v: string): void }).cspViolation(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    return { page, violations, close: () => context.close() };
  }

  it.each(PAGES)('%s works and violates nothing', async (path, works) => {
    const { page, violations, close } = await open(path);
    await page.locator(works).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    expect(violations).toEqual([]);
    await close();
  });

  it('the widget keeps its own styles on /f (its Shadow DOM <style> is allowed)', async () => {
    const { page, violations, close } = await open('/f');
    const button = page.locator('otklik-feedback button[type=submit]:visible');
    await button.waitFor();
    // The form's accent colour comes from the widget's CSS, not the browser's default grey.
    const background = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(background).not.toBe('rgb(239, 239, 239)');
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(violations).toEqual([]);
    await close();
  });

  it('the signature page copies the snippet with its button and selects a code box on click', async () => {
    const { page, violations, close } = await open('/s/ivanov');
    await page.getByRole('button', { name: 'Скопировать подпись' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toContain('Подпись скопирована');
    await page.locator('#sig-text').click();
    const selected = await page.evaluate(() => {
      const box = document.getElementById('sig-text') as HTMLTextAreaElement;
      return box.selectionEnd - box.selectionStart;
    });
    expect(selected).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    await close();
  });

  it('the rating page posted through its widget lands on its thank-you page with no violation', async () => {
    const { page, violations, close } = await open('/r/ivanov?score=5');
    await page.locator('otklik-rating textarea:visible').waitFor();
    await page.locator('otklik-rating textarea:visible').fill('Спасибо за помощь');
    await page.locator('otklik-rating button[type=submit]:visible').click();
    await page.waitForURL(/\/r\/thanks\//);
    await page.locator('h1').waitFor();
    expect(violations).toEqual([]);
    await close();
  });
});
