import { useEffect } from 'preact/hooks';
import type { Card } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { CHANNEL_LABELS, label } from '../../labels.ts';
import { canHandle, canModerate } from '../../permissions.ts';
import { Link } from '../../router.tsx';
import { KindBadge, ReviewBadge, StatusBadge } from '../../ui/badges.tsx';
import { LoadError, Loading, PageTitle } from '../../ui/page.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { CardConsent, CardFiles, CardMessage, CardPeople } from './card-details.tsx';
import { CardEmails, CardHistory } from './card-history.tsx';
import { CardComment, CardManage } from './card-manage.tsx';
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
        {c.type === 'rating' ? 'Оценка' : 'Обращение'} № {c.number}
      </PageTitle>
      <p class="subtitle">
        Поступило <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time> · {label(CHANNEL_LABELS, c.channel)}
      </p>
      <div class="card-grid">
        <div class="card-main">
          <CardMessage card={c} />
          {c.complaint && <ComplaintPanel card={c} onCard={onCard} />}
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
          {c.type === 'rating' && <CardPublication card={c} />}
          {c.complaint && <RelatedMessages related={c.complaint.related} />}
        </div>
      </div>
      {c.complaint && <ComplaintStage2 card={c} canAct={canHandle(user)} onCard={onCard} />}
      <CardHistory card={c} />
      <CardEmails card={c} />
    </>
  );
}

function CardPublication({ card }: { card: Card }) {
  const { user } = useConsole();
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
          {review.status === 'rejected' && review.reason && <p>Причина: {review.reason}</p>}
        </>
      )}
    </section>
  );
}
