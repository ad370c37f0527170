import { expect } from 'vitest';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SHOTS_DIR } from './browser.ts';
import { type RunningServer, runCli } from './server-process.ts';

/** The password every test user chooses at his first sign-in. */
export const NEW_PASSWORD = 'долгий путь домой 42';

/** A screenshot of the console for people to look at: `test-results/console-<name>.png`. */
export const consoleShot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS_DIR, `console-${name}.png`), fullPage });

/**
 * A console user made the operator's way; returns the one-time password the CLI prints.
 * @example const oneTime = await addConsoleUser(server, 'qms@example.ru', 'qms')
 */
export async function addConsoleUser(server: RunningServer, email: string, role: string, department?: string) {
  const r = await runCli(
    [
      'user',
      'add',
      '--email',
      email,
      '--name',
      `Тест ${role}`,
      '--role',
      role,
      ...(department ? ['--department', department] : []),
      '--one-time',
    ],
    server.env,
  );
  const oneTime = /One-time password: (\S+)/.exec(r.stderr + r.stdout)?.[1];
  if (!oneTime) throw new Error(`user add failed: ${r.stderr}`);
  return oneTime;
}

/**
 * Signs in with a one-time password in a new browser context (Moscow's console seen from
 * Novosibirsk, so no time is shown in the browser's zone), changing it first as the console asks.
 * Every dialog the page opens is recorded in `dialogs` and dismissed.
 */
export async function firstSignIn(
  browser: Browser,
  server: RunningServer,
  user: { email: string; oneTime: string },
  opts: { dialogs?: string[]; shots?: boolean; acceptDialogs?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Novosibirsk',
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    opts.dialogs?.push(d.message());
    void (opts.acceptDialogs ? d.accept() : d.dismiss());
  });
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { name: 'Вход в консоль СМК' }).waitFor();
  if (opts.shots) await consoleShot(page, '01-sign-in', false);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Пароль', { exact: true }).fill(user.oneTime);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
  // Each new screen takes the focus to its heading, so that a screen reader says where it is.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Смена пароля');
  if (opts.shots) await consoleShot(page, '02-forced-password-change', false);
  await page.getByLabel('Текущий пароль').fill(user.oneTime);
  await page.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Новый пароль ещё раз').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  return { context, page };
}
