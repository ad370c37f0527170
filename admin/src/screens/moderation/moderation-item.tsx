import { useState } from 'preact/hooks';
import type { ModerationItem } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router.tsx';
import { FormError, TextAreaField } from '../../ui/fields.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { maskPersonalData } from './mask.ts';
import { ReviewHeading } from './review-heading.tsx';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

type Mode = 'view' | 'edit' | 'reject';

/**
 * One review awaiting a decision: publish it as written, publish an edited copy (personal data
 * masked, the original beside it), or reject it with a reason.
 */
export function ModerationCard({
  item,
  onDecided,
}: {
  item: ModerationItem;
  onDecided: (item: ModerationItem, approved: boolean) => void;
}) {
  const { api } = useConsole();
  const original = item.comment;
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState(item.text || original);
  const [reason, setReason] = useState('');
  const act = useAction();
  const path = `moderation/${encodeURIComponent(item.submissionId)}`;
  const hasPersonal = maskPersonalData(original) !== original;
  const headingId = `mod-${item.submissionId}`;

  const approve = async (edited?: string) => {
    const published = edited ?? original;
    // A client's phone or address on the company's site is not undone by unpublishing (152-ФЗ):
    // published as it stands only when the moderator says so, not by one click past the warning.
    if (
      maskPersonalData(published) !== published &&
      !confirm('В тексте остались e-mail или телефон клиента. Опубликовать их на сайте как есть?')
    )
      return;
    const body = edited !== undefined && edited.trim() !== original.trim() ? { text: edited.trim() } : {};
    const ok = await act.run(async () => {
      await api.send('POST', `${path}/approve`, body);
      return true;
    });
    if (ok) onDecided(item, true);
  };

  const reject = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return act.fail({ reason: 'Укажите причину отказа' });
    const ok = await act.run(async () => {
      await api.send('POST', `${path}/reject`, { reason: reason.trim() });
      return true;
    });
    if (ok) onDecided(item, false);
  };

  const open = (next: Mode) => {
    setMode(next);
    act.reset();
    focusSoon(() => act.ref.current?.querySelector('textarea'));
  };
  // Closed, the form drops what was typed in it, as Esc's question says it will.
  const close = () => {
    const from = mode;
    setMode('view');
    setText(item.text || original);
    setReason('');
    act.reset();
    focusSoon(() => act.ref.current?.querySelector(`[data-opens="${from}"]`));
  };

  const who = [item.author.name, item.author.organization].filter(Boolean).join(', ');
  return (
    <article
      class="panel mod-item"
      aria-labelledby={headingId}
      ref={(el) => {
        act.ref.current = el;
      }}
    >
      <header class="mod-head">
        <ReviewHeading id={headingId} item={item} />
        <p class="muted small">
          <Link href={`/admin/submissions/${encodeURIComponent(item.submissionId)}`}>№ {item.number}</Link>
          {' · '}
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
          {item.employee?.position && ` · ${item.employee.position}`}
        </p>
      </header>
      <p class="author">
        <span class="muted">Автор: </span>
        {who || <span class="muted">не назвался</span>}
        {item.author.email && <span class="muted"> · {item.author.email}</span>}
        <br />
        <span class="muted">На сайте: </span>
        {item.publicAuthor}
      </p>

      <FormError message={act.error} />

      {mode !== 'edit' &&
        (original ? (
          <blockquote class="quote">{original}</blockquote>
        ) : (
          <p class="muted">Без комментария — публикуется только оценка.</p>
        ))}
      {mode === 'view' && hasPersonal && (
        <p class="warn">В тексте есть e-mail или телефон: перед публикацией скройте их.</p>
      )}

      {mode === 'view' && (
        <div class="actions">
          <button type="button" class="btn" disabled={act.busy} onClick={() => approve()}>
            Опубликовать
          </button>
          <button
            type="button"
            class="btn secondary"
            disabled={act.busy}
            data-opens="edit"
            onClick={() => open('edit')}
          >
            Отредактировать
          </button>
          <button
            type="button"
            class="btn danger-outline"
            disabled={act.busy}
            data-opens="reject"
            onClick={() => open('reject')}
          >
            Отклонить
          </button>
        </div>
      )}

      {mode === 'edit' && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Esc from the text or its buttons does what «Отмена» does; the keys reach it by bubbling
        <div class="redact" onKeyDown={closeOnEscape(close, text !== (item.text || original))}>
          <div>
            <h3 class="small-heading">Оригинал (остаётся у СМК)</h3>
            <blockquote class="quote">{original || '—'}</blockquote>
          </div>
          <div>
            <TextAreaField
              label="Текст для публикации"
              value={text}
              onValue={setText}
              rows={6}
              error={act.fields.text}
            />
            <div class="actions">
              <button type="button" class="btn secondary small" onClick={() => setText(maskPersonalData(text))}>
                Скрыть e-mail и телефоны
              </button>
            </div>
            <div class="actions">
              <button type="button" class="btn" disabled={act.busy} onClick={() => approve(text)}>
                {text.trim() ? 'Опубликовать этот текст' : 'Опубликовать только оценку'}
              </button>
              <button type="button" class="btn secondary" disabled={act.busy} onClick={close}>
                Отмена
              </button>
            </div>
          </div>
        </div>
      )}

      {mode === 'reject' && (
        <form onSubmit={reject} onKeyDown={closeOnEscape(close, reason.trim() !== '')} noValidate>
          <TextAreaField
            label="Причина отказа"
            required
            hint="Видна только сотрудникам СМК; автор её не получает."
            value={reason}
            onValue={setReason}
            rows={3}
            error={act.fields.reason}
          />
          <div class="actions">
            <button type="submit" class="btn danger" disabled={act.busy}>
              Отклонить отзыв
            </button>
            <button type="button" class="btn secondary" disabled={act.busy} onClick={close}>
              Отмена
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
