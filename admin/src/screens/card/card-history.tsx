import type { Card, ConsoleMeta, FieldChange, HistoryEvent } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import {
  KIND_LABELS,
  label,
  MAIL_STATUS_LABELS,
  MAIL_TEMPLATE_LABELS,
  REVIEW_LABELS,
  STATUS_LABELS,
} from '../../labels.ts';

const EVENT_TITLES: Record<HistoryEvent['type'], string> = {
  comment: 'Комментарий',
  kind: 'Изменён вид',
  status: 'Изменён статус',
  department: 'Изменено подразделение',
  employee: 'Изменён сотрудник',
  moderation: 'Модерация',
};

type FieldName = Extract<HistoryEvent, { data: FieldChange }>['type'];

/** A changed value in words: a code's name, the department's or employee's name, or «—». */
function valueText(type: FieldName, value: string | null, meta: ConsoleMeta): string {
  if (value === null || value === '') return '—';
  if (type === 'kind') return label(KIND_LABELS, value);
  if (type === 'status') return label(STATUS_LABELS, value);
  // Until /meta has come, the id or slug itself.
  if (type === 'department') return meta.departments.find((d) => d.id === value)?.name ?? value;
  return meta.employees.find((e) => e.slug === value)?.name ?? value;
}

function EventBody({ event, meta }: { event: HistoryEvent; meta: ConsoleMeta }) {
  if (event.type === 'comment') return <p class="message">{event.data.text}</p>;
  if (event.type === 'moderation') {
    const d = event.data;
    return (
      <p>
        {label(REVIEW_LABELS, d.to)}
        {d.to === 'rejected' && d.reason && <>. Причина: {d.reason}</>}
        {d.to === 'approved' && d.redacted ? '. Текст отредактирован перед публикацией' : ''}
      </p>
    );
  }
  return (
    <p>
      {valueText(event.type, event.data.from, meta)}{' '}
      <span role="img" aria-label="на">
        →
      </span>{' '}
      {valueText(event.type, event.data.to, meta)}
    </p>
  );
}

/** The submission's history, oldest first: comments, changes, decisions. */
export function CardHistory({ card }: { card: Card }) {
  const { meta } = useConsole();
  const events = card.history;
  return (
    <section class="panel" aria-labelledby="card-history">
      <h2 id="card-history">История</h2>
      <ol class="timeline">
        <li>
          <div class="when">
            <time dateTime={card.createdAt}>{formatDateTime(card.createdAt)}</time>
          </div>
          <div class="what">
            <span class="strong">Поступило</span> <span class="muted">№ {card.number}</span>
          </div>
        </li>
        {events.map((ev) => (
          <li key={ev.id} class={`ev-${ev.type}`}>
            <div class="when">
              <time dateTime={ev.at}>{formatDateTime(ev.at)}</time>
            </div>
            <div class="what">
              <span class="strong">{EVENT_TITLES[ev.type]}</span>
              <span class="muted"> · {ev.user?.name ?? 'система'}</span>
              <EventBody event={ev} meta={meta} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The e-mails sent about it, from the outbox. */
export function CardEmails({ card }: { card: Card }) {
  const mails = card.emails;
  return (
    <section class="panel" aria-labelledby="card-emails">
      <h2 id="card-emails">Письма</h2>
      {mails.length === 0 ? (
        <p class="muted">Писем не было.</p>
      ) : (
        <table class="table compact mails">
          <thead>
            <tr>
              <th scope="col">Письмо</th>
              <th scope="col">Кому</th>
              <th scope="col">Состояние</th>
              <th scope="col">Отправлено</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td data-label="Письмо">
                  <span class="strong">{label(MAIL_TEMPLATE_LABELS, m.template)}</span>
                  <span class="sub">{m.subject}</span>
                </td>
                <td data-label="Кому">{m.to.join(', ')}</td>
                <td data-label="Состояние">
                  <span class={`badge mail-${m.status}`}>{label(MAIL_STATUS_LABELS, m.status)}</span>
                  {m.attempts > 1 && <span class="sub muted">попыток: {m.attempts}</span>}
                  {m.lastError && m.status !== 'sent' && <span class="sub error-text">{m.lastError}</span>}
                </td>
                <td data-label="Отправлено">{m.sentAt ? formatDateTime(m.sentAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
