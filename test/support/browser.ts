import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. Without Debian's Chromium they are skipped, loudly;
 * in CI (which installs it) a missing browser is an error.
 */
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAS_CHROMIUM) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the browser tests`);
  console.warn(`[otklik tests] ${CHROMIUM} not found: browser tests are SKIPPED (apt-get install -y chromium).`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where tests leave screenshots for people to look at. */
export const SHOTS_DIR = new URL('../../test-results/', import.meta.url).pathname;
fs.mkdirSync(SHOTS_DIR, { recursive: true });
