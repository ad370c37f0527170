import { useState } from 'preact/hooks';
import type { ModerationItem } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router.tsx';
import { Stars } from '../../ui/badges.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { UnpublishForm } from './unpublish-form.tsx';

/** Whom or what a review is about: the employee, or the rating subject by its title. */
export const aboutWhom = (item: Pick<ModerationItem, 'employee' | 'subjectTitle'>) =>
  item.employee?.name ?? item.subjectTitle ?? 'Без адресата';

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
        <h2 id={headingId} tabIndex={-1} aria-label={`Отзыв: ${aboutWhom(item)}, оценка ${item.score} из 5`}>
          <Stars score={item.score} /> {aboutWhom(item)}
        </h2>
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
