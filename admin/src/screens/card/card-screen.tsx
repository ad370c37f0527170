import { useEffect, useState } from 'preact/hooks';
import type { Card } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime, registeredLate } from '../../format.ts';
import { CHANNEL_LABELS, label } from '../../labels.ts';
import { canHandle, canModerate } from '../../permissions.ts';
import { Link } from '../../router.tsx';
import { KindBadge, ReviewBadge, StatusBadge } from '../../ui/badges.tsx';
import { LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { CardConsent, CardFiles, CardMessage, CardPeople } from './card-details.tsx';
import { CardEmails, CardHistory } from './card-history.tsx';
import { UnpublishForm } from '../moderation/unpublish-form.tsx';
import { CardComment, CardManage } from './card-manage.tsx';
import { ComplaintContact } from './complaint-contact.tsx';
import { ComplaintPanel } from './complaint-panel.tsx';
import { ComplaintStage2 } from './complaint-stage2.tsx';
import { RatingComplaint } from './rating-complaint.tsx';
import { RelatedMessages } from './related-messages.tsx';

/** «Карточка обращения»: every field, the files, the consent, the e-mails, the history, and the work on it. */
export function CardScreen({ id }: { id: string }) {
  const { api, user, lastInbox } = useConsole();
  const card = useLoad(() => api.get<Card>(`submissions/${encodeURIComponent(id)}`), [id]);
  const c = card.data;

  useEffect(() => {
    document.title = c ? `№ ${c.number} — Отклик` : 'Обращение — Отклик';
  }, [c?.number]);

  const back = (
    <Link class="back" href={lastInbox}>
      ← Входящие
    </Link>
  );
  if (card.error?.status === 404) {
    return (
      <>
        {back}
        <PageTitle>Обращение не найдено</PageTitle>
        <p>Его нет, или оно относится к другому подразделению.</p>
      </>
    );
  }
  if (!c) {
    return (
      <>
        {back}
        <PageTitle>Обращение</PageTitle>
        {card.error ? <LoadError error={card.error} retry={card.reload} /> : <Loading />}
      </>
    );
  }

  const onCard = (saved: Card) => card.setData(() => saved);
  // A complaint taken by phone or made from a rating was received before it was registered: its
  // deadlines count from the receipt, and so does the header.
  const received = c.complaint?.receivedAt ?? c.createdAt;
  return (
    <>
      {back}
      <PageTitle
        besides
        aside={
          <>
            <KindBadge kind={c.kind} /> <StatusBadge status={c.status} />
          </>
        }
      >
        {c.type === 'rating' ? 'Оценка' : 'Обращение'} <span class="nowrap">№ {c.number}</span>
      </PageTitle>
      <p class="subtitle">
        Поступило <time dateTime={received}>{formatDateTime(received)}</time> · {label(CHANNEL_LABELS, c.channel)}
        {registeredLate(received, c.createdAt) && (
          <>
            {' '}
            · зарегистрировано <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </>
        )}
        {c.answerBy && (
          <>
            {' '}
            · клиенту обещан ответ до <time dateTime={c.answerBy}>{formatDateTime(c.answerBy)}</time>
          </>
        )}
      </p>
      <div class="card-grid">
        <div class="card-main">
          <CardMessage card={c} />
          {c.complaint && <ComplaintPanel card={c} onCard={onCard} />}
          {/* A suggestion or thanks is answered too: by e-mail or a call, in its history. */}
          {!c.complaint && c.type === 'feedback' && canHandle(user) && <ComplaintContact card={c} onCard={onCard} />}
          <CardPeople card={c} />
          <CardFiles card={c} />
          <CardConsent card={c} />
        </div>
        <div class="card-side">
          <RatingComplaint card={c} />
          <CardManage key={`${c.kind}|${c.status}|${c.department?.id}|${c.employee?.slug}`} card={c} onSaved={onCard} />
          <CardComment
            card={c}
            onAdded={(ev) => card.setData((old) => old && { ...old, history: [...old.history, ev] })}
          />
          {c.type === 'rating' && <CardPublication card={c} onChanged={card.reload} />}
          {c.complaint && <RelatedMessages related={c.complaint.related} client={c} />}
        </div>
      </div>
      {c.complaint && <ComplaintStage2 card={c} canAct={canHandle(user)} onCard={onCard} />}
      <CardHistory card={c} />
      <CardEmails card={c} />
    </>
  );
}

/** The review's publication: where it stands, and «Снять с публикации» for a moderator while it is on the site. */
function CardPublication({ card, onChanged }: { card: Card; onChanged: () => void }) {
  const { user, announce } = useConsole();
  const [taking, setTaking] = useState(false);
  const { review } = card;
  return (
    <section class="panel" aria-labelledby="card-publication">
      <h2 id="card-publication">Публикация на сайте</h2>
      {!card.publish ? (
        <p class="muted">Автор не дал согласия на публикацию: этот отзыв не публикуется.</p>
      ) : !review ? (
        <p class="muted">Решения пока нет.</p>
      ) : (
        <>
          <p>
            <ReviewBadge review={review.status} />
            {review.publishedAt && review.status === 'approved' && (
              <span class="muted small">
                {' '}
                с <time dateTime={review.publishedAt}>{formatDateTime(review.publishedAt)}</time>
              </span>
            )}
          </p>
          {review.status === 'pending' && canModerate(user) && (
            <p>
              <Link href="/admin/moderation">Перейти к модерации</Link>
            </p>
          )}
          {review.status === 'approved' && review.text && (
            <>
              <p class="small muted">Опубликованный текст{review.redacted ? ' (отредактирован)' : ''}:</p>
              <p class="message">{review.text}</p>
            </>
          )}
          {review.status === 'approved' &&
            canModerate(user) &&
            (taking ? (
              <UnpublishForm
                submissionId={card.id}
                onDone={() => {
                  setTaking(false);
                  announce(`Отзыв № ${card.number} снят с публикации`);
                  onChanged();
                }}
                onCancel={() => setTaking(false)}
              />
            ) : (
              <div class="actions">
                <button type="button" class="btn danger-outline" onClick={() => setTaking(true)}>
                  Снять с публикации
                </button>
              </div>
            ))}
          {review.status === 'unpublished' && (
            <p class="small muted">
              {review.publishedAt && (
                <>
                  Был опубликован <time dateTime={review.publishedAt}>{formatDateTime(review.publishedAt)}</time>,{' '}
                </>
              )}
              снят <time dateTime={review.decidedAt ?? undefined}>{formatDateTime(review.decidedAt)}</time>
              {review.decidedBy && ` (${review.decidedBy.name})`}
            </p>
          )}
          {(review.status === 'rejected' || review.status === 'unpublished') && review.reason && (
            <p>Причина: {review.reason}</p>
          )}
        </>
      )}
    </section>
  );
}
