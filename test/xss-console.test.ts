import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HAS_CHROMIUM, launchBrowser } from './support/browser.ts';
import { FILE_PAYLOADS, N, xssWorld } from './support/xss-seed.ts';
import { clearTrap, expectInert, seenWhenShown, type Trap, trappedContext } from './support/xss-trap.ts';

vi.setConfig({ testTimeout: 180_000 });

const at = (...i: number[]) => i.map((k) => k % N);
const all = Array.from({ length: N }, (_, i) => i);

describe.skipIf(!HAS_CHROMIUM)('XSS: payloads shown by the console in Chromium, signed in as an admin', () => {
  let world: Awaited<ReturnType<typeof xssWorld>>;
  let browser: Browser;
  let trap: Trap;
  let page: Page;

  beforeAll(async () => {
    [world, browser] = await Promise.all([xssWorld(), launchBrowser()]);
    trap = await trappedContext(browser);
    // Signed in as the console signs in: its API sets the session cookie in the browser.
    const res = await trap.context.request.post(`${world.url}/api/admin/login`, {
      data: { email: world.admin.email, password: world.admin.password },
      headers: { Origin: world.url },
    });
    expect(res.status()).toBe(200);
    page = await trap.context.newPage();
  });
  afterEach(() => clearTrap(trap));
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** Opens a console screen, waits for what it should show (it loads its data after the page), and checks it. */
  async function check(path: string, expected: number[], ready: string) {
    await page.goto(`${world.url}${path}`);
    await page.locator(ready).first().waitFor();
    const s = await seenWhenShown(page, expected);
    expectInert(path, s, trap, expected);
    return s;
  }

  it('the inbox, its pages and a search for a payload', async () => {
    await check('/admin/', [], '.inbox-table tbody tr');
    await check('/admin/?type=feedback', [], '.inbox-table tbody tr');
    await check('/admin/?type=rating', [], '.inbox-table tbody tr');
    await check(`/admin/?q=${encodeURIComponent('onerror')}`, [], 'main');
  });

  it('the card of every feedback message: message, name, organization, page, comment, reply', async () => {
    for (const [i, id] of world.ids.feedback.entries())
      await check(
        `/admin/submissions/${id}`,
        at(i, i + 1, i + 2, i + 3, i + 4, ...(i % 4 === 0 ? [i + 5] : [])),
        '.message',
      );
  });

  it('the card of every rating: comment, name, organization and the employee or subject rated', async () => {
    for (const [i, id] of world.ids.ratings.entries())
      await check(`/admin/submissions/${id}`, at(i, i + 1, i + 2), '.message');
    for (const [i, id] of world.ids.subjectRatings.entries())
      await check(`/admin/submissions/${id}`, at(i, i + 1, i + 2), '.message');
  });

  it('the card of a message whose files are named by payloads', async () => {
    const s = await check(`/admin/submissions/${world.ids.withFiles}`, [], '.message');
    for (const [p] of FILE_PAYLOADS) expect(s.text, 'a file name as typed').toContain(`${p}.pdf`);
  });

  it('moderation: the published reviews', async () => {
    await check('/admin/moderation', [], 'main h1');
    // The newest published reviews come first: the subjects' ratings, sent second for each payload.
    await check('/admin/moderation?list=published', at(N - 1, N - 2, N - 3), 'main article');
  });

  it('the directory: departments, employees, subjects', async () => {
    await check('/admin/directory', all, 'table tbody tr');
    await check('/admin/directory/employees', all, 'table tbody tr');
    await check('/admin/directory/subjects', all, 'table tbody tr');
  });

  it('the working calendar’s special days and their notes', async () => {
    await check('/admin/calendar?year=2026', at(0, 3, 6, 9, 12, 15), 'table tbody tr');
  });

  it('the users and the audit log', async () => {
    await check('/admin/users', at(0, 5, 10, 15, 20, 25), 'table tbody tr');
    await check('/admin/audit', [], '.audit-table tbody tr');
  });
});
