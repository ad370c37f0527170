import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState } from './build-check.ts';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, at: number) => {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, 'x');
  fs.utimesSync(full, at / 1000, at / 1000);
};

describe('buildState', () => {
  it('names what `npm run build` has not made, and a source changed after the build', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-build-'));
    const t = Date.UTC(2026, 11, 1);
    write('widget/embed.ts', t);
    write('shared/i18n.ts', t);
    write('admin/src/app.tsx', t);
    expect(buildState(root)).toEqual({
      missing: ['widget/dist/embed.js', 'admin/dist/index.html'],
      newerSource: null,
    });

    write('widget/dist/embed.js', t + 60_000);
    write('admin/dist/index.html', t + 60_000);
    expect(buildState(root)).toEqual({ missing: [], newerSource: null });

    write('widget/feedback/file-field.test.tsx', t + 120_000); // a test is not built
    write('widget/testing/dom.ts', t + 120_000); // nor a test helper
    write('widget/README.md', t + 120_000); // nor a note
    expect(buildState(root).newerSource).toBeNull();
    write('shared/texts-ru.ts', t + 120_000); // an update pulled, not built
    expect(buildState(root).newerSource).toBe(path.join('shared', 'texts-ru.ts'));
  });
});
