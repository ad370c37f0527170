import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { feedbackAck } from '../server/mail/templates/feedback-ack.ts';
import { feedbackNotification } from '../server/mail/templates/feedback-notification.ts';
import { ratingNotification } from '../server/mail/templates/rating-notification.ts';
import { employeeTarget, sampleRating } from '../server/mail/templates/rating-samples.ts';
import { sampleSubmission } from '../server/mail/testing/fixtures.ts';
import { weeklyDigest } from '../server/mail/templates/weekly-digest.ts';
import { overdueFixture, weeklyControlFixture } from '../server/reports/digest/testing/weekly-control-fixture.ts';
import { HAS_CHROMIUM, launchBrowser } from './support/browser.ts';

vi.setConfig({ testTimeout: 60_000 });

// A client's words without a space in them (an angry «!!!…», a shared link, a long legal name)
// must wrap on a phone, not widen the whole e-mail past the screen.
const SHOUT = `Безобразие${'!'.repeat(90)}`;
const LINK = `https://disk.yandex.ru/d/${'AbCdEfGh'.repeat(12)}`;
const ORG = `ООО«${'Промышленнаяторговаякомпания'.repeat(3)}»`;

describe.skipIf(!HAS_CHROMIUM)('e-mails on a 320 px phone, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  const widthAt320 = async (html: string) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.setContent(html);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.close();
    return width;
  };

  it('keeps the acknowledgement, the QMS notification and a manager’s rating within the screen', async () => {
    const complaint = sampleSubmission({ message: `${SHOUT}\n${LINK}`, organization: ORG, name: ORG });
    const mails = {
      ack: feedbackAck(complaint, 'ООО «Пример»', '2026-12-04T15:00:00.000Z').html,
      notification: feedbackNotification(complaint, [], 'ООО «Пример»').html,
      rating: ratingNotification(
        sampleRating({ message: `Вот фото: ${LINK}`, name: ORG }),
        employeeTarget(),
        'ООО «Пример»',
      ).html,
    };
    const widths: Record<string, number> = {};
    for (const [name, html] of Object.entries(mails)) widths[name] = await widthAt320(html);
    expect(widths).toEqual({ ack: 320, notification: 320, rating: 320 });
  });

  it('keeps the weekly digest within the screen when an overdue client’s name has no space', async () => {
    const control = weeklyControlFixture('2026-W44', {
      overdue: [overdueFixture({ client: ORG, responsible: { id: 'u', name: ORG } })],
    });
    const html = weeklyDigest(control, {
      publicUrl: 'https://otklik.example.ru',
      port: 8787,
      companyName: 'ООО «Пример»',
    }).html;
    // 326 px at most, as with short names: the steps' table of five columns (was 739).
    expect(await widthAt320(html)).toBeLessThanOrEqual(330);
  });
});
