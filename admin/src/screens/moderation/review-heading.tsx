import type { ModerationItem } from '../../api/types.ts';
import { Stars } from '../../ui/badges.tsx';

/** Whom or what a review is about: the employee, or the rating subject by its title. */
const aboutWhom = (item: Pick<ModerationItem, 'employee' | 'subjectTitle'>) =>
  item.employee?.name ?? item.subjectTitle ?? 'Без адресата';

/**
 * A review's heading, in the queue and among the published: its stars and whom it is about, read
 * as «Отзыв: Петрова Анна, оценка 5 из 5», not the stars' label run into the name.
 */
export function ReviewHeading({
  id,
  item,
}: {
  id: string;
  item: Pick<ModerationItem, 'employee' | 'subjectTitle' | 'score'>;
}) {
  const whom = aboutWhom(item);
  return (
    <h2 id={id} tabIndex={-1} aria-label={`Отзыв: ${whom}, оценка ${item.score} из 5`}>
      <Stars score={item.score} /> {whom}
    </h2>
  );
}
