import { LOW_SCORE } from '../../../../shared/complaint-process.ts';
import { ERASED_WORDS } from '../../../../shared/console-privacy.ts';
import type { InboxItem } from '../../api/types.ts';
import { formatDateTime, formatPhone, registeredLate } from '../../format.ts';
import { CHANNEL_LABELS, label } from '../../labels.ts';
import { Link } from '../../router.tsx';
import { KindBadge, ReviewBadge, Stars, StatusBadge } from '../../ui/badges.tsx';

/** The inbox's rows: dense on a laptop, one block per submission on a phone (see styles.css). */
export function InboxTable({ items, byDeadline = false }: { items: InboxItem[]; byDeadline?: boolean }) {
  // Between a phone's blocks and a wide screen, the table scrolls in its place, not the page.
  return (
    <div class="table-scroll">
      <table class="table inbox-table">
        <caption class="sr">
          {byDeadline ? 'Открытые жалобы, сначала ближайший срок' : 'Обращения и оценки, сначала новые'}
        </caption>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">Поступило</th>
            <th scope="col">Вид</th>
            <th scope="col">Статус</th>
            <th scope="col">Срок</th>
            <th scope="col">От кого</th>
            <th scope="col" class="wide-col">
              Сообщение
            </th>
            <th scope="col">Кому</th>
            <th scope="col" class="c-channel">
              Канал
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <Row key={s.id} s={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ s }: { s: InboxItem }) {
  return (
    <tr class={s.status === 'new' ? 'unread' : undefined}>
      <td class="c-number" data-label="№">
        <Link href={`/admin/submissions/${encodeURIComponent(s.id)}`}>{s.number}</Link>
      </td>
      <td class="c-date" data-label="Поступило">
        <ArrivedAt s={s} />
        {/* Under the date where the table has no room for the channel's column (styles.css). */}
        <span class="sub muted date-channel">{label(CHANNEL_LABELS, s.channel)}</span>
      </td>
      <td class="c-kind" data-label="Вид">
        <KindBadge kind={s.kind} />
        {s.score !== null && s.score !== undefined && <Stars score={s.score} />}
      </td>
      <td class="c-status" data-label="Статус">
        <StatusBadge status={s.status} />
        {s.review && <ReviewBadge review={s.review} />}
      </td>
      <td class={`c-due${s.nextDueAt ? '' : ' none'}${s.overdue ? ' overdue' : ''}`} data-label="Срок">
        {s.nextDueAt ? (
          <>
            <span class="due-prefix">Срок </span>
            <time dateTime={s.nextDueAt}>{formatDateTime(s.nextDueAt)}</time>
            {/* A line of its own on screen; a space for a screen reader, or it reads «13:38просрочено». */}
            {s.overdue && (
              <>
                {' '}
                <span class="due-overdue">просрочено</span>
              </>
            )}
          </>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td class="c-from" data-label="От кого">
        {s.name || s.organization ? (
          <>
            {s.name && <span class="strong">{s.name}</span>}
            {s.organization && <span class="sub">{s.organization}</span>}
          </>
        ) : (
          // Erased on request: said so, not taken for a message sent without a name.
          <span class="muted">{s.erasedAt ? ERASED_WORDS.name : 'Имя не указано'}</span>
        )}
        {s.email && <span class="sub muted">{breakableEmail(s.email)}</span>}
        {s.phone && <span class="sub muted">{formatPhone(s.phone)}</span>}
      </td>
      <td class="c-text" data-label="Сообщение">
        {/* A space after it: read out, «…жалоба» ran into the rating's first word. */}
        {s.complaintNumber ? (
          <>
            <span class="low-score made">Стала жалобой № {s.complaintNumber}</span>{' '}
          </>
        ) : (
          s.type === 'rating' &&
          s.score !== null &&
          s.score <= LOW_SCORE && (
            <>
              <span class="low-score">Низкая оценка — возможна жалоба</span>{' '}
            </>
          )
        )}
        {s.excerpt ? (
          <span class="excerpt">{s.excerpt}</span>
        ) : (
          <span class="muted">{s.erasedAt ? ERASED_WORDS.text : 'Без комментария'}</span>
        )}
      </td>
      {/* Addressed to no one: a table cell shows «—»; a phone's card drops the bare dash. */}
      <td class={`c-to${s.employee || s.subjectTitle || s.department ? '' : ' none'}`} data-label="Кому">
        {s.employee ? <span>{s.employee.name}</span> : s.subjectTitle && <span>{s.subjectTitle}</span>}
        {s.department && <span class="sub muted">{s.department.name}</span>}
        {!s.employee && !s.subjectTitle && !s.department && <span class="muted">—</span>}
      </td>
      <td class="c-channel" data-label="Канал">
        {label(CHANNEL_LABELS, s.channel)}
      </td>
    </tr>
  );
}

/**
 * When it came: a complaint's receipt, which its card and deadlines count from, and, when it was
 * registered later by hand, when that was (the list is in the order of registration).
 */
function ArrivedAt({ s }: { s: InboxItem }) {
  const received = s.receivedAt ?? s.createdAt;
  const late = registeredLate(received, s.createdAt);
  return (
    <>
      <time dateTime={received}>{formatDateTime(received)}</time>
      {late && (
        <span class="sub muted registered-at">
          зарегистрирована <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
        </span>
      )}
    </>
  );
}

/** An e-mail that a narrow column breaks before its «@», not after any letter. */
function breakableEmail(email: string) {
  const at = email.lastIndexOf('@');
  return at > 0 ? (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  ) : (
    email
  );
}
