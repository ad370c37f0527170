import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// exceljs takes 270 ms and 29 MB to load; the server loads it on the first XLSX asked for.
it('builds the whole application without loading exceljs', () => {
  const script = `
    import { createRequire } from 'node:module';
    await import('./server/app.ts');
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('exceljs'));
    console.log(loaded.length);`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(Number(out.trim())).toBe(0);
});
