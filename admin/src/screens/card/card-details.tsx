import type { ComponentChildren } from 'preact';
import type { Card } from '../../api/types.ts';
import { API_BASE } from '../../api/client.ts';
import { formatDateTime, formatPhone, formatSize } from '../../format.ts';
import { CHANNEL_LABELS, label } from '../../labels.ts';
import { Stars } from '../../ui/badges.tsx';

/** A term and its value, or nothing when there is no value. */
function Item({ term, children, show = true }: { term: string; children: ComponentChildren; show?: boolean }) {
  if (!show) return null;
  return (
    <div class="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

// A page address comes from the client: only http(s) ones become links.
const safeUrl = (url: string) => /^https?:\/\//i.test(url);

/** The rating subject rated (an employee is shown on his own line): its title, or its code without one. */
const subjectTitle = (s: Card['subject']) => (s && s.slug !== 'employee' ? (s.title ?? s.slug) : null);

/** What the client wrote and who he is. */
export function CardMessage({ card }: { card: Card }) {
  return (
    <section class="panel" aria-labelledby="card-message">
      <h2 id="card-message">{card.type === 'rating' ? 'Отзыв' : 'Сообщение'}</h2>
      {card.score !== null && (
        <p class="score-line">
          <Stars score={card.score} /> <span>{card.score} из 5</span>
        </p>
      )}
      {card.message ? (
        <p class="message">{card.message}</p>
      ) : card.consent.erasedAt ? (
        <p class="muted">Текст удалён с персональными данными {formatDateTime(card.consent.erasedAt)}</p>
      ) : (
        <p class="muted">Без комментария</p>
      )}
    </section>
  );
}

export function CardPeople({ card }: { card: Card }) {
  const subject = subjectTitle(card.subject);
  return (
    <section class="panel" aria-labelledby="card-people">
      <h2 id="card-people">Отправитель и адресат</h2>
      <dl class="dl">
        <Item term="Ф.И.О.">{card.name || <span class="muted">не указано</span>}</Item>
        <Item term="Организация" show={!!card.organization}>
          {card.organization}
        </Item>
        <Item term="ИНН" show={!!card.inn}>
          {card.inn}
        </Item>
        <Item term="Телефон" show={!!card.phone}>
          <a href={`tel:${card.phone}`}>{card.phone && formatPhone(card.phone)}</a>
        </Item>
        <Item term="E-mail" show={!!card.email}>
          <a href={`mailto:${card.email}`}>{card.email}</a>
        </Item>
        <Item term="Сотрудник" show={!!card.employee}>
          {card.employee?.name}
          {card.employee?.position && <span class="muted">, {card.employee.position}</span>}
        </Item>
        <Item term="Предмет оценки" show={!!subject}>
          {subject}
        </Item>
        <Item term="Подразделение">{card.department?.name ?? <span class="muted">не назначено</span>}</Item>
        <Item term="Канал">{label(CHANNEL_LABELS, card.channel)}</Item>
        <Item term="Страница" show={!!card.page}>
          {card.page && safeUrl(card.page) ? (
            <a href={card.page} rel="noopener noreferrer" target="_blank">
              {card.page}
            </a>
          ) : (
            card.page
          )}
        </Item>
        <Item term="Язык" show={!!card.lang}>
          {card.lang === 'en' ? 'английский' : card.lang === 'ru' ? 'русский' : card.lang}
        </Item>
        <Item term="Публикация" show={card.type === 'rating'}>
          {card.publish ? 'автор согласен на публикацию' : 'автор не давал согласия: не публикуется'}
        </Item>
      </dl>
    </section>
  );
}

export function CardFiles({ card }: { card: Card }) {
  const files = card.attachments;
  if (files.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="card-files">
      <h2 id="card-files">Файлы ({files.length})</h2>
      <ul class="files">
        {files.map((f) => (
          <li key={f.id}>
            <a
              href={`${API_BASE}submissions/${encodeURIComponent(card.id)}/attachments/${encodeURIComponent(f.id)}`}
              download={f.filename}
            >
              {f.filename}
            </a>
            <span class="muted">
              {' '}
              · {formatSize(f.size)} · {f.mime}
            </span>
            <div class="hash">SHA-256 {f.sha256}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CardConsent({ card }: { card: Card }) {
  const c = card.consent;
  return (
    <section class="panel" aria-labelledby="card-consent">
      <h2 id="card-consent">Согласие на обработку персональных данных</h2>
      {c.erasedAt && (
        <p class="note" role="note">
          Персональные данные удалены {formatDateTime(c.erasedAt)}: по сроку хранения или по запросу человека. Остались
          номер, даты, вид, подразделение, оценка и классификация.
        </p>
      )}
      {c.at || c.version ? (
        <dl class="dl">
          <Item term="Дано">{formatDateTime(c.at)}</Item>
          <Item term="Версия текста">{c.version ?? '—'}</Item>
          <Item term="IP-адрес">{c.ip ?? '—'}</Item>
          <Item term="Браузер" show={!!c.userAgent}>
            <span class="small">{c.userAgent}</span>
          </Item>
        </dl>
      ) : (
        <p class="muted">Не требовалось или не записано.</p>
      )}
    </section>
  );
}
