import {
  CORRECTION_LABELS,
  CORRECTION_RECORD_LABELS,
  IMPORTANCE_LABELS,
  JUSTIFICATION_LABELS,
  SCOPE_LABELS,
  STEP_TITLES,
} from '../../../../shared/complaint-process.ts';
import type { Card, ComplaintChange, ConsoleMeta, HistoryEvent } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import {
  KIND_LABELS,
  label,
  MAIL_STATUS_LABELS,
  MAIL_TEMPLATE_LABELS,
  REVIEW_LABELS,
  STATUS_LABELS,
  YES_NO,
} from '../../labels.ts';

const EVENT_TITLES: Record<HistoryEvent['type'], string> = {
  comment: 'Комментарий',
  kind: 'Изменён вид',
  status: 'Изменён статус',
  department: 'Изменено подразделение',
  employee: 'Изменён сотрудник',
  moderation: 'Модерация',
  rating: 'Клиент изменил оценку',
  complaint: 'Открыт разбор жалобы',
  step: 'Шаг выполнен',
  step_undone: 'Отметка шага отменена',
  agreed: 'Согласован срок внедрения (1.4)',
  classification: 'Классификация',
  responsible: 'Назначен ответственный',
  reply: 'Ответ клиенту по e-mail',
  call: 'Звонок клиенту',
  stage: 'Этап',
  reopened: 'Разбор открыт снова',
  survey: 'Опрос клиента',
  nonconformity: 'Несоответствие',
};

const ORIGIN_TEXT = { site: 'поступила с сайта', console: 'зарегистрирована вручную', rating: 'из оценки' } as const;

/** A classification field's name and its value in words. */
const CLASSIFICATION_FIELDS: Record<string, { title: string; labels?: Record<string, string> }> = {
  justification: { title: 'Обоснованность', labels: JUSTIFICATION_LABELS },
  importance: { title: 'Важность', labels: IMPORTANCE_LABELS },
  scope: { title: 'Внешняя / внутренняя', labels: SCOPE_LABELS },
  satisfied: { title: 'Удовлетворённость решением', labels: YES_NO },
  loyal: { title: 'Лояльность', labels: YES_NO },
  correction: { title: 'Коррекция', labels: CORRECTION_LABELS },
  correctionNote: { title: 'Коррекция, подробно' },
  correctionRecord: { title: 'Чем оформлено', labels: CORRECTION_RECORD_LABELS },
  contactPosition: { title: 'Должность контактного лица' },
  situationDate: { title: 'Дата ситуации' },
  performer: { title: 'Кто выполнял работу' },
};

function Change({ from, to }: { from: string; to: string }) {
  return (
    <p>
      {from}{' '}
      <span role="img" aria-label="на">
        →
      </span>{' '}
      {to}
    </p>
  );
}

const dateOrDash = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/** The complaint process's events in words. */
function ComplaintEventBody({ event }: { event: Extract<HistoryEvent, ComplaintChange> }) {
  switch (event.type) {
    case 'complaint':
      return (
        <p>
          Жалоба {ORIGIN_TEXT[event.data.origin]}
          {event.data.rating && <> № {event.data.rating}</>}
        </p>
      );
    case 'step':
      return (
        <p>
          {event.data.step} {STEP_TITLES[event.data.step]}
          {/* A call made earlier marks the step at its own time; the same minute needs no repeating. */}
          {formatDateTime(event.data.at) !== formatDateTime(event.at) && (
            <> · выполнен {formatDateTime(event.data.at)}</>
          )}
          {event.data.comment && <span class="sub message">{event.data.comment}</span>}
        </p>
      );
    case 'step_undone':
      return (
        <p>
          {event.data.step} {STEP_TITLES[event.data.step]} · был отмечен {formatDateTime(event.data.at)}
          <span class="sub message">{event.data.reason}</span>
        </p>
      );
    case 'reopened':
      return (
        <p>
          {event.data.closedAt ? (
            <>Была закрыта {formatDateTime(event.data.closedAt)}</>
          ) : (
            <>Этап 1 был закрыт {formatDateTime(event.data.stage1ClosedAt)}</>
          )}
          <span class="sub message">{event.data.reason}</span>
        </p>
      );
    case 'agreed':
      return <Change from={dateOrDash(event.data.from)} to={dateOrDash(event.data.to)} />;
    case 'classification': {
      const f = CLASSIFICATION_FIELDS[event.data.field];
      const v = (x: string | null) => (f?.labels ? label(f.labels, x) : (x ?? '—'));
      return (
        <>
          <p class="muted">{f?.title ?? event.data.field}</p>
          <Change from={v(event.data.from)} to={v(event.data.to)} />
        </>
      );
    }
    case 'responsible':
      return <Change from={event.data.from ?? '—'} to={event.data.to ?? '—'} />;
    case 'reply':
      return (
        <>
          <p class="muted">
            {event.data.to} · {event.data.subject}
          </p>
          <p class="message">{event.data.text}</p>
        </>
      );
    case 'call':
      return (
        <>
          <p class="muted">Звонок {formatDateTime(event.data.at)}</p>
          <p class="message">{event.data.summary}</p>
        </>
      );
    case 'stage':
      return (
        <p>
          {event.data.stage === 1 ? 'Этап 1 «коррекция»' : 'Этап 2 «улучшение»'}{' '}
          {event.data.closed ? 'закрыт' : 'открыт снова'}
        </p>
      );
    case 'survey':
      return event.data.sent ? (
        <p>Клиенту отправлен опрос</p>
      ) : (
        <p>
          Клиент ответил: решением {event.data.satisfied ? 'удовлетворён' : 'не удовлетворён'}, работать с нами{' '}
          {event.data.loyal ? 'продолжит' : 'не продолжит'}
        </p>
      );
    case 'nonconformity':
      return (
        <p>
          {event.data.description}
          {event.data.done ? ' — выполнено' : ''}
        </p>
      );
  }
}

type FieldName = 'kind' | 'status' | 'department' | 'employee';

const isComplaintEvent = (e: HistoryEvent): e is Extract<HistoryEvent, ComplaintChange> =>
  !['comment', 'moderation', 'rating', 'kind', 'status', 'department', 'employee'].includes(e.type);

/** A changed value in words: a code's name, the department's or employee's name, or «—». */
function valueText(type: FieldName, value: string | null, meta: ConsoleMeta): string {
  if (value === null || value === '') return '—';
  if (type === 'kind') return label(KIND_LABELS, value);
  if (type === 'status') return label(STATUS_LABELS, value);
  // Until /meta has come, the id or slug itself.
  if (type === 'department') return meta.departments.find((d) => d.id === value)?.name ?? value;
  return meta.employees.find((e) => e.slug === value)?.name ?? value;
}

/** A rating its client changed: the score, and the comment and the consent when they changed. */
function RatingChange({ from, to }: Extract<HistoryEvent, { type: 'rating' }>['data']) {
  return (
    <>
      <Change from={`${from.score} из 5`} to={`${to.score} из 5`} />
      {from.comment !== to.comment && <p class="message">{to.comment || 'Комментарий удалён'}</p>}
      {from.publish !== to.publish && (
        <p class="muted">{to.publish ? 'Публикация на сайте разрешена' : 'Согласие на публикацию отозвано'}</p>
      )}
    </>
  );
}

function EventBody({ event, meta }: { event: HistoryEvent; meta: ConsoleMeta }) {
  if (event.type === 'comment') return <p class="message">{event.data.text}</p>;
  if (event.type === 'rating') return <RatingChange {...event.data} />;
  if (isComplaintEvent(event)) return <ComplaintEventBody event={event} />;
  if (event.type === 'moderation') {
    const d = event.data;
    return (
      <p>
        {label(REVIEW_LABELS, d.to)}
        {d.to !== 'approved' && d.reason && <>. Причина: {d.reason}</>}
        {d.to === 'approved' && d.redacted ? '. Текст отредактирован перед публикацией' : ''}
      </p>
    );
  }
  return <Change from={valueText(event.type, event.data.from, meta)} to={valueText(event.type, event.data.to, meta)} />;
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
          <caption class="sr">Письма по обращению</caption>
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
