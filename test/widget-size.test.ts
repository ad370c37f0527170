import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, chunkClosure, importsOf, sizeReport } from '../scripts/widget-sizes.ts';

// `npm test` builds the widget before vitest runs; these measure the real files.
const dist = path.resolve(import.meta.dirname, '../widget/dist');

describe('widget size', () => {
  it('has been built', () => {
    expect(existsSync(path.join(dist, 'embed.js')), 'run `npm run build` first').toBe(true);
    expect(existsSync(path.join(dist, 'w/feedback.js'))).toBe(true);
  });

  it(`keeps the loader under ${BUDGETS.loader} B brotli`, () => {
    expect(sizeReport(dist).loader.brotli).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps everything the feedback form downloads under ${BUDGETS.form} B brotli`, () => {
    const report = sizeReport(dist);
    expect(report.form.map((f) => f.file)).toContain('w/feedback.js');
    expect(report.formBrotli, report.form.map((f) => `${f.file} ${f.brotli} B`).join(', ')).toBeLessThanOrEqual(BUDGETS.form);
  });

  it('keeps the loader a classic script: no static import, the chunk loaded by URL', () => {
    const loader = readFileSync(path.join(dist, 'embed.js'), 'utf8');
    expect(loader).not.toMatch(/^\s*import[\s{*"']/m);
    expect(loader).not.toMatch(/\bexport\b/);
    expect(loader).toContain('otklik-feedback');
  });
});

describe('widget size measurement', () => {
  it('follows static and dynamic imports of built modules, transitively', () => {
    expect(importsOf('import{h as e}from"./preact-Xy12.js";import"./side.js";const m=import("../lazy.js")')).toEqual(['./preact-Xy12.js', './side.js', '../lazy.js']);
    const dir = mkdtempSync(path.join(tmpdir(), 'otklik-size-'));
    writeFileSync(path.join(dir, 'a.js'), 'import{x}from"./b.js";import("./c.js")');
    writeFileSync(path.join(dir, 'b.js'), 'import"./c.js";export const x=1');
    writeFileSync(path.join(dir, 'c.js'), 'export default 1');
    expect(chunkClosure(dir, 'a.js').sort()).toEqual(['a.js', 'b.js', 'c.js']);
  });
});
