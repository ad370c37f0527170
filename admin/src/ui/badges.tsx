import { stars } from '../format.ts';
import { KIND_LABELS, label, REVIEW_LABELS, STATUS_LABELS } from '../labels.ts';

export function KindBadge({ kind }: { kind: string }) {
  return <span class={`badge kind-${kind}`}>{label(KIND_LABELS, kind)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{label(STATUS_LABELS, status)}</span>;
}

export function ReviewBadge({ review }: { review: string }) {
  return <span class={`badge review-${review}`}>{label(REVIEW_LABELS, review)}</span>;
}

/** Five stars drawn, the score said in words for screen readers. */
export function Stars({ score }: { score: number }) {
  return (
    <span class="stars" role="img" aria-label={`Оценка ${score} из 5`}>
      {stars(score)}
    </span>
  );
}
