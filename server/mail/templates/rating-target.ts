import type { Lang } from '../../../shared/lang.ts';

/** A rating's score, comment and consent before its client changed it: the history keeps the same. */
export type { RatingVersion } from '../../../shared/console-card.ts';

/**
 * What a rating is about, as the intake found it in the directory: an employee (whose manager gets
 * the rating) or a rating subject such as delivery (with its own recipients and, maybe, an English title).
 */
export type RatingTarget =
  | {
      kind: 'employee';
      name: string;
      position: string | null;
      department: string | null;
      managerName: string | null;
      managerEmail: string;
    }
  | { kind: 'subject'; slug: string; title: string; titleEn?: string | null; recipients: string[] };

/**
 * The name of what was rated, for subjects and headings, in the reader's language.
 * @example ratedName({ kind: 'subject', slug: 'delivery', title: 'Качество доставки', recipients: [] }) // 'Качество доставки'
 */
export function ratedName(target: RatingTarget, lang: Lang = 'ru'): string {
  if (target.kind === 'employee') return target.name.trim();
  return ((lang === 'en' && target.titleEn) || target.title).trim();
}
