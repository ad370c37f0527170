import type { Count } from '../../api/types.ts';

// Numbers as the reports show them: Russian digit groups and decimal commas; «—» where there is
// nothing to count (a share of zero complaints, an average of no ratings).

/** @example num(1280) // '1 280' */
export const num = (v: number | null, digits = 0) =>
  v === null ? '—' : v.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** @example pct(0.4567) // '46 %' */
export const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/**
 * The change from the previous period, signed; «—» when either side is missing.
 * @example change(12, 10) // '+2'
 * @example change(0.5, 0.6, true) // '−10 п. п.'
 */
export function change(current: number | null, previous: number | null, share = false, digits = 0): string {
  if (current === null || previous === null) return '—';
  const d = share ? Math.round((current - previous) * 100) : current - previous;
  if (Math.abs(d) < 10 ** -digits / 2) return '0';
  const text = num(Math.abs(d), digits) + (share ? ' п. п.' : '');
  return `${d > 0 ? '+' : '−'}${text}`;
}

/**
 * Two periods' counts side by side, by key: the current period's order, then keys only the
 * previous one had.
 */
export function pairCounts(current: Count[], previous: Count[]) {
  const prev = new Map(previous.map((c) => [c.key, c]));
  const rows = current.map((c) => ({
    key: c.key,
    label: c.label,
    current: c.count,
    previous: prev.get(c.key)?.count ?? 0,
  }));
  const seen = new Set(current.map((c) => c.key));
  for (const p of previous)
    if (!seen.has(p.key)) rows.push({ key: p.key, label: p.label, current: 0, previous: p.count });
  return rows;
}
