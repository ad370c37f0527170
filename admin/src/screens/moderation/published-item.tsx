import { useState } from 'preact/hooks';
import type { ModerationItem } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { ReviewHeading } from './review-heading.tsx';
import { UnpublishForm } from './unpublish-form.tsx';

/** A review on the site now, as it is published, with «Снять с публикации». */
export function PublishedCard({
  item,
  onTakenDown,
}: {
  item: ModerationItem;
  onTakenDown: (item: ModerationItem) => void;
}) {
  const [open, setOpen] = useState(false);
  const headingId = `mod-${item.submissionId}`;
  const opener = `unpublish-${item.submissionId}`;
  const who = [item.author.name, item.author.organization].filter(Boolean).join(', ');
  return (
    <article class="panel mod-item" aria-labelledby={headingId}>
      <header class="mod-head">
        {/* Read as «Отзыв: Петрова Анна, оценка 5 из 5», not the stars' label run into the name. */}
        <ReviewHeading id={headingId} item={item} />
        <p class="muted small">
          <Link href={`/admin/submissions/${encodeURIComponent(item.submissionId)}`}>№ {item.number}</Link>
          {' · опубликован '}
          <time dateTime={item.publishedAt ?? undefined}>{formatDateTime(item.publishedAt)}</time>
          {item.employee?.position && ` · ${item.employee.position}`}
        </p>
      </header>
      <p class="author">
        <span class="muted">Автор: </span>
        {who || <span class="muted">не назвался</span>}
      </p>
      {item.text ? (
        <blockquote class="quote">{item.text}</blockquote>
      ) : (
        <p class="muted">Без комментария — опубликована только оценка.</p>
      )}
      {item.redacted && <p class="muted small">Опубликован отредактированный текст.</p>}
      {open ? (
        <UnpublishForm
          submissionId={item.submissionId}
          onDone={() => onTakenDown(item)}
          onCancel={() => {
            setOpen(false);
            focusSoon(() => document.getElementById(opener));
          }}
        />
      ) : (
        <div class="actions">
          <button type="button" id={opener} class="btn danger-outline" onClick={() => setOpen(true)}>
            Снять с публикации
          </button>
        </div>
      )}
    </article>
  );
}
