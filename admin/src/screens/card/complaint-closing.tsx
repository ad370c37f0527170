import { useEffect, useState } from 'preact/hooks';
import type { Card, CardComplaint } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { canHandle } from '../../permissions.ts';
import { FormError } from '../../ui/fields.tsx';
import { focusSoon } from '../../ui/focus.ts';
import { MISSING } from './complaint-labels.ts';
import { ReasonForm } from './reason-form.tsx';
import { type CardPost, useCardPost } from './use-card-post.ts';

/** What the server said is missing (422), each in words: the field's own text when we have none. */
function Missing({ act, what }: { act: CardPost; what: string }) {
  const items = Object.entries(act.fields).map(([k, text]) => MISSING[k] ?? text);
  if (act.error) return <FormError message={act.error} />;
  if (items.length === 0) return null;
  return (
    <div class="alert" role="alert" tabIndex={-1} data-form-error>
      <p>{what}, не хватает:</p>
      <ul class="missing-list">
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}

/** «закрыт/открыт» of a stage (этап), «закрыта/открыта» of the complaint (жалоба). */
const when = (iso: string | null, ending: '' | 'а') =>
  iso ? `закрыт${ending} ${formatDateTime(iso)}` : `открыт${ending}`;

/**
 * Closing: stage 1 once the solution is checked (1.5) and the justification, satisfaction and
 * loyalty are known (1.6 is marked with it); then the complaint itself, which becomes «Закрыто».
 */
export function ComplaintClosing({ card, canAct, onCard }: { card: Card; canAct: boolean; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  const { user } = useConsole();
  const [reopening, setReopening] = useState(false);
  const stage1 = useCardPost(card, onCard);
  const close = useCardPost(card, onCard);
  // What was missing may be there now: any change of the card (a step done, the survey answered) clears it.
  useEffect(() => {
    stage1.reset();
    close.reset();
  }, [card]);
  const closeComplaint = () => {
    if (!confirm(`Закрыть жалобу № ${card.number}? Изменить разбор можно будет, только открыв её снова.`)) return;
    void close.post('close', {}, `Жалоба № ${card.number} закрыта`);
  };
  return (
    <section
      class="panel"
      aria-labelledby="complaint-closing"
      ref={(el) => {
        stage1.ref.current = el;
        close.ref.current = el;
      }}
    >
      <h3 id="complaint-closing">Закрытие</h3>
      <dl class="dl">
        <div class="dl-row">
          <dt>Этап 1 «коррекция»</dt>
          <dd>{when(c.stage1ClosedAt, '')}</dd>
        </div>
        <div class="dl-row">
          <dt>Этап 2 «улучшение»</dt>
          <dd>{!c.stage2ClosedAt && c.closedAt ? 'не закрывался' : when(c.stage2ClosedAt, '')}</dd>
        </div>
        <div class="dl-row">
          <dt>Жалоба</dt>
          <dd>{when(c.closedAt, 'а')}</dd>
        </div>
      </dl>
      <Missing act={stage1} what="Чтобы закрыть этап 1" />
      <Missing act={close} what="Чтобы закрыть жалобу" />
      {canAct && (
        <div class="actions">
          {!c.stage1ClosedAt ? (
            <>
              <button
                type="button"
                class="btn"
                disabled={stage1.busy}
                onClick={() => void stage1.post('stage1/close', {}, 'Этап 1 закрыт')}
              >
                {stage1.busy ? 'Закрываем…' : 'Закрыть этап 1'}
              </button>
              <span class="muted small">Жалобу можно закрыть после этапа 1.</span>
            </>
          ) : (
            <>
              <button type="button" class="btn" disabled={close.busy} onClick={closeComplaint}>
                {close.busy ? 'Закрываем…' : 'Закрыть жалобу'}
              </button>
              {!c.stage2ClosedAt && <span class="muted small">Этап 2 может продолжаться и после закрытия жалобы.</span>}
            </>
          )}
        </div>
      )}
      {/* Its client's data erased, it stays closed: what would be typed on it next would never be erased. */}
      {canHandle(user) && c.stage1ClosedAt && !card.consent.erasedAt && (
        <>
          <div class="actions">
            <button
              type="button"
              id="reopen-toggle"
              class="btn secondary"
              aria-expanded={reopening}
              onClick={() => setReopening(!reopening)}
            >
              {c.closedAt ? 'Открыть жалобу снова' : 'Открыть этап 1 снова'}
            </button>
          </div>
          {reopening && (
            <ReopenForm
              card={card}
              onCard={onCard}
              onClose={(done) => {
                setReopening(false);
                // Cancelled: back to the button that opened the form (done, the card's answer places the focus).
                if (!done) focusSoon('#reopen-toggle');
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * Opens a closed complaint (or its closed stage 1) again, with the reason the history keeps:
 * closed by mistake, or the client is back because the correction did not hold.
 */
function ReopenForm({
  card,
  onCard,
  onClose,
}: {
  card: Card;
  onCard: (c: Card) => void;
  onClose: (done: boolean) => void;
}) {
  const whole = Boolean(card.complaint?.closedAt);
  const action = whole ? 'Открыть жалобу снова' : 'Открыть этап 1 снова';
  return (
    <ReasonForm
      card={card}
      onCard={onCard}
      onClose={onClose}
      text={{
        name: action,
        label: 'Почему открывается снова',
        hint: `Например: клиент сообщил, что проблема повторилась, или ${whole ? 'жалоба закрыта' : 'этап 1 закрыт'} по ошибке. Причина останется в истории; этап 1 откроется, его отметки можно будет отменить.`,
        missing: `Напишите, почему ${whole ? 'жалоба' : 'этап 1'} открывается снова`,
        path: 'reopen',
        done: whole ? `Жалоба № ${card.number} открыта снова` : 'Этап 1 открыт снова',
        submit: action,
        busy: 'Открываем…',
        cancel: 'Не открывать',
      }}
    />
  );
}
