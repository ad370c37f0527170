import type { Locator } from 'playwright-core';

type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];

/** A computed CSS colour as Chromium reports it: rgb(…), rgba(…), or color(srgb … / a) from a color-mix(). */
function parse(css: string): { rgb: Rgb; alpha: number } {
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(css);
  if (srgb) return { rgb: [1, 2, 3].map((i) => Number(srgb[i]) * 255) as Rgb, alpha: Number(srgb[4] ?? 1) };
  const rgb = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(css);
  if (rgb) return { rgb: [1, 2, 3].map((i) => Number(rgb[i])) as Rgb, alpha: Number(rgb[4] ?? 1) };
  throw new Error(`not a computed colour: ${css}`);
}

const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/**
 * The WCAG 2 contrast ratio of a computed CSS colour on a background (white by default); a
 * translucent colour is first laid over the background, as the eye sees it. WCAG 1.4.11 asks 3:1
 * of a field's border, a focus ring and a star that tells the score.
 * @example contrastOnWhite('rgb(107, 114, 128)') // 4.83
 */
export function contrastOnWhite(css: string, background: Rgb = WHITE): number {
  const { rgb, alpha } = parse(css);
  const seen = rgb.map((c, i) => c * alpha + background[i]! * (1 - alpha)) as Rgb;
  const [light, dark] = [luminance(seen), luminance(background)].sort((a, b) => b - a) as [number, number];
  return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
}

/** One computed style property of the element a locator finds: «rgb(107, 114, 128)». */
export const computed = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
