import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, chunkClosure, importsOf, sizeReport, widgetSize } from '../scripts/widget-sizes.ts';

// `npm test` builds the widget before vitest runs; these measure the real files.
const dist = path.resolve(import.meta.dirname, '../widget/dist');

describe('widget size', () => {
  it('has been built', () => {
    expect(existsSync(path.join(dist, 'embed.js')), 'run `npm run build` first').toBe(true);
    expect(existsSync(path.join(dist, 'w/feedback.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'w/rating.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'w/reviews.js'))).toBe(true);
  });

  it(`keeps the loader under ${BUDGETS.loader} B brotli`, () => {
    expect(sizeReport(dist).loader.brotli).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it.each(Object.entries(BUDGETS.widgets))(
    'keeps everything the %s widget downloads under %i B brotli',
    (name, budget) => {
      const size = widgetSize(dist, name as keyof typeof BUDGETS.widgets);
      expect(size.files.map((f) => f.file)).toEqual(expect.arrayContaining(['embed.js', `w/${name}.js`]));
      expect(size.brotli, size.files.map((f) => `${f.file} ${f.brotli} B`).join(', ')).toBeLessThanOrEqual(budget);
    },
  );

  it('shares Preact between the widgets, and only Preact', () => {
    const [feedback, rating, reviews] = (['feedback', 'rating', 'reviews'] as const).map((name) =>
      chunkClosure(dist, `w/${name}.js`),
    );
    const shared = feedback!.filter((file) => rating!.includes(file));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatch(/^w\/shared-[\w-]+\.js$/);
    // The reviews widget downloads its own chunk and that same Preact, nothing of the others.
    expect(reviews).toEqual(['w/reviews.js', shared[0]]);
    const code = readFileSync(path.join(dist, shared[0]!), 'utf8');
    expect(code).toContain('dangerouslySetInnerHTML'); // Preact's diff
    // Preact's internals (`__k`, `__e`, …) renamed to one letter (scripts/build-widget.ts), `__html` kept.
    expect(code).not.toMatch(/\.__[a-zA-Z]?\b/);
    expect(code).toContain('.__html');
    expect(code).not.toMatch(/Оставьте отзыв|Расскажите моему руководителю|Смотрите все отзывы|otklik/); // no widget's code or texts
  });

  it('keeps the loader a classic script: no static import, the chunk loaded by URL', () => {
    const loader = readFileSync(path.join(dist, 'embed.js'), 'utf8');
    expect(loader).not.toMatch(/^\s*import[\s{*"']/m);
    expect(loader).not.toMatch(/\bexport\b/);
    expect(loader).toContain('otklik-feedback');
    expect(loader).toContain('otklik-rating');
    expect(loader).toContain('otklik-reviews');
  });
});

describe('widget size measurement', () => {
  it('follows static and dynamic imports of built modules, transitively', () => {
    expect(importsOf('import{h as e}from"./preact-Xy12.js";import"./side.js";const m=import("../lazy.js")')).toEqual([
      './preact-Xy12.js',
      './side.js',
      '../lazy.js',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'otklik-size-'));
    writeFileSync(path.join(dir, 'a.js'), 'import{x}from"./b.js";import("./c.js")');
    writeFileSync(path.join(dir, 'b.js'), 'import"./c.js";export const x=1');
    writeFileSync(path.join(dir, 'c.js'), 'export default 1');
    expect(chunkClosure(dir, 'a.js').sort()).toEqual(['a.js', 'b.js', 'c.js']);
  });
});
