/**
 * What a rating is about, as the intake found it in the directory: an employee (whose manager gets
 * the rating) or a rating subject such as delivery (with its own recipients).
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
  | { kind: 'subject'; slug: string; title: string; recipients: string[] };

/**
 * The name of what was rated, for subjects and headings.
 * @example ratedName({ kind: 'subject', slug: 'delivery', title: 'Качество доставки', recipients: [] }) // 'Качество доставки'
 */
export function ratedName(target: RatingTarget): string {
  return (target.kind === 'employee' ? target.name : target.title).trim();
}
