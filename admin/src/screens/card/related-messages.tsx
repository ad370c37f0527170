import { JUSTIFICATION_LABELS } from '../../../../shared/complaint-process.ts';
import { RELATED_SHOWN } from '../../../../shared/console-complaint.ts';
import type { RelatedMessage } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { label } from '../../labels.ts';
import { Link } from '../../router.tsx';
import { KindBadge, Stars, StatusBadge } from '../../ui/badges.tsx';
import { MATCHED_BY_LABELS, yesNoText } from './complaint-labels.ts';

/** How an earlier message ended: a complaint's classification, or a rating's score. */
function Outcome({ m }: { m: RelatedMessage }) {
  if (m.type === 'rating' && m.score !== null)
    return (
      <span class="sub">
        <Stars score={m.score} /> {m.score} из 5
      </span>
    );
  if (m.justification === null && m.satisfied === null && m.loyal === null) return null;
  return (
    <span class="sub">
      {label(JUSTIFICATION_LABELS, m.justification)} · удовлетворён: {yesNoText(m.satisfied)} · лоялен:{' '}
      {yesNoText(m.loyal)}
    </span>
  );
}

/**
 * «Другие обращения клиента»: his earlier messages by ИНН, e-mail or phone, newest first, and how
 * each ended, so the handler knows the history before he calls.
 */
export function RelatedMessages({
  related,
  client,
}: {
  related: RelatedMessage[];
  client: { inn: string | null; email: string | null; phone: string | null };
}) {
  // As many as a card lists: there may be more, found by the inbox's search for his strongest key.
  const more = related.length >= RELATED_SHOWN;
  const key = client.inn ?? client.email ?? client.phone;
  return (
    <section class="panel" aria-labelledby="complaint-related">
      <h2 id="complaint-related">
        Другие обращения клиента
        {related.length > 0 ? (more ? ` (последние ${related.length})` : ` (${related.length})`) : ''}
      </h2>
      {related.length === 0 ? (
        <p class="muted">Других обращений с тем же ИНН, e-mail или телефоном нет.</p>
      ) : (
        <ul class="related-list">
          {related.map((m) => (
            <li key={m.id}>
              <div class="related-head">
                <Link href={`/admin/submissions/${encodeURIComponent(m.id)}`} class="strong">
                  № {m.number}
                </Link>
                <time dateTime={m.createdAt} class="muted">
                  {formatDate(m.createdAt)}
                </time>
                <KindBadge kind={m.kind} />
                <StatusBadge status={m.status} />
              </div>
              {m.excerpt && <p class="excerpt">{m.excerpt}</p>}
              <Outcome m={m} />
              <span class="sub muted">совпадение {MATCHED_BY_LABELS[m.matchedBy]}</span>
            </li>
          ))}
        </ul>
      )}
      {more && key && (
        <p>
          <Link href={`/admin/?q=${encodeURIComponent(key)}`}>
            Все обращения {client.inn ? 'с этим ИНН' : client.email ? 'с этим e-mail' : 'с этим телефоном'} во входящих
          </Link>
        </p>
      )}
    </section>
  );
}
