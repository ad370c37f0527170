import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import type { Clock } from '../../server/clock.ts';
import type { DbKind } from '../../server/db/connection.ts';
import { type Config, loadConfig } from '../../server/env.ts';
import { openTestDb, type TestDb } from './databases.ts';

/** A clock tests can set and move. */
export function fakeClock(
  start = '2026-11-23T09:00:00.000Z',
): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/**
 * A fresh app on a fresh database, as `npm start` would build it but without a listening socket.
 * The abuse defences are off (CAPTCHA=off, RATE_LIMIT=0) unless a test passes other values.
 */
export async function buildTestApp(kind: DbKind = 'sqlite', env: Record<string, string> = {}, clock = fakeClock()) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-app-'));
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    QMS_EMAIL: 'smk@example.ru',
    CEO_EMAIL: 'ceo@example.ru',
    CAPTCHA: 'off',
    RATE_LIMIT: '0',
    ...env,
  });
  const t: TestDb = await openTestDb(kind);
  let kicks = 0;
  const app = createApp({
    db: t.db,

    config,
    clock,
    onMailQueued: () => {
      kicks++;
    },
  });
  return {
    app,
    db: t.db,
    config,
    clock,
    testDb: t,
    kicks: () => kicks,
    /** A second instance on the same database, as behind a load balancer. */
    another: () => createApp({ db: t.openAnother(), config, clock }),
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid PDF, recognised as such by its magic bytes. */
export const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
