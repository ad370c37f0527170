import { SURVEY_AGAIN_MS } from '../../../../shared/complaint-process.ts';
import type { Card, CardComplaint } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { FormError } from '../../ui/fields.tsx';
import { useCardPost } from './use-card-post.ts';

/**
 * The two-question survey (satisfied? loyal?) e-mailed to the client once the correction is in
 * place (step 1.4): he answers on a page by POST, and his answers fill the classification «по
 * опросу клиента». Sent again, unanswered, after a day (the server says so before then).
 */
export function ComplaintSurvey({ card, canAct, onCard }: { card: Card; canAct: boolean; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  const act = useCardPost(card, onCard);
  const send = () => void act.post('survey', {}, 'Опрос отправлен клиенту');
  // Sent again only a day later, unanswered (the server refuses before then).
  const againAt = c.surveySentAt ? Date.parse(c.surveySentAt) + SURVEY_AGAIN_MS : 0;
  return (
    <section
      class="panel"
      aria-labelledby="complaint-survey"
      ref={(el) => {
        act.ref.current = el;
      }}
    >
      <h3 id="complaint-survey">Опрос клиента</h3>
      <p class="muted small">Два вопроса: доволен ли клиент решением и продолжит ли работать с компанией.</p>
      {c.surveySentAt ? (
        <dl class="dl">
          <div class="dl-row">
            <dt>Отправлен</dt>
            <dd>
              <time dateTime={c.surveySentAt}>{formatDateTime(c.surveySentAt)}</time>
            </dd>
          </div>
          <div class="dl-row">
            <dt>Ответ</dt>
            <dd>
              {c.surveyAnsweredAt ? (
                <time dateTime={c.surveyAnsweredAt}>{formatDateTime(c.surveyAnsweredAt)}</time>
              ) : (
                <span class="muted">пока нет</span>
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <p>Опрос не отправлялся.</p>
      )}
      <FormError message={act.message} />
      {canAct && !c.surveyAnsweredAt && (
        <div class="actions">
          {!c.steps.find((s) => s.step === '1.4')?.doneAt ? (
            <p class="muted small">
              Опрос отправляется после внедрения коррекции (шаг 1.4): клиент оценивает уже принятое решение.
            </p>
          ) : card.email && againAt > Date.now() ? (
            <p class="muted small">
              Клиент ещё не ответил. Отправить опрос ещё раз можно с{' '}
              <time dateTime={new Date(againAt).toISOString()}>{formatDateTime(new Date(againAt).toISOString())}</time>.
            </p>
          ) : card.email ? (
            <button type="button" class="btn secondary" disabled={act.busy} onClick={send}>
              {act.busy ? 'Отправляем…' : c.surveySentAt ? 'Отправить опрос ещё раз' : 'Отправить клиенту опрос'}
            </button>
          ) : (
            <p class="muted small">
              {card.consent.erasedAt
                ? 'Персональные данные клиента удалены: опрос не отправить, запишите его ответы в классификации.'
                : 'Клиент не оставил e-mail: опрос не отправить, запишите его ответы в классификации.'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
