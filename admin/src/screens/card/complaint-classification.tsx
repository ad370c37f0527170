import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useUnsaved } from '../../ui/unsaved.ts';
import {
  CORRECTION_LABELS,
  CORRECTION_RECORD_LABELS,
  IMPORTANCE_LABELS,
  JUSTIFICATION_LABELS,
  SCOPE_LABELS,
} from '../../../../shared/complaint-process.ts';
import type { Card, CardComplaint } from '../../api/types.ts';
import { type Choice, label } from '../../labels.ts';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { CLASSIFICATION_KEYS, type ClassificationKey, changes, draftOf, HINTS } from './classification-draft.ts';
import { YES_NO_UNKNOWN, yesNoText } from './complaint-labels.ts';
import { useCardPost } from './use-card-post.ts';

const list = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([value, l]) => ({ value, label: l }));

const BY_SURVEY = 'по опросу клиента';
const SURVEY_HINT = `Записано ${BY_SURVEY}.`;

/**
 * «Классификация»: обоснованность, важность, внешняя или внутренняя, удовлетворённость решением
 * and лояльность (kept apart: a client may like the solution and still leave), the correction
 * agreed, and the registration's details. Sends only what changed; read-only without `canAct`.
 */
export function ComplaintClassification({
  card,
  canAct,
  onCard,
}: {
  card: Card;
  canAct: boolean;
  onCard: (c: Card) => void;
}) {
  const c = card.complaint as CardComplaint;
  return (
    <section class="panel" aria-labelledby="complaint-classification">
      <h3 id="complaint-classification">Классификация и коррекция</h3>
      {canAct ? (
        // A new card (the survey answered, another tab's change) starts the form afresh.
        <ClassificationForm key={JSON.stringify(draftOf(c))} card={card} onCard={onCard} />
      ) : (
        <ClassificationView c={c} />
      )}
    </section>
  );
}

function ClassificationForm({ card, onCard }: { card: Card; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  const original = draftOf(c);
  const [draft, setDraft] = useState(original);
  const act = useCardPost(card, onCard, [...CLASSIFICATION_KEYS]);
  const body = changes(draft, original);
  const changed = Object.keys(body).length > 0;
  useUnsaved(changed);
  const survey = c.outcomeSource === 'survey' ? SURVEY_HINT : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!changed) return;
    await act.post('classification', body, 'Классификация сохранена');
  };
  const field = (k: ClassificationKey, title: string, options: Choice[], empty?: string, hint?: string) => (
    <SelectField
      label={title}
      value={draft[k]}
      onValue={(v) => setDraft((d) => ({ ...d, [k]: v }))}
      options={options}
      empty={empty}
      hint={hint}
      error={act.fields[k]}
    />
  );
  const text = (k: ClassificationKey) => ({
    value: draft[k],
    onValue: (v: string) => setDraft((d) => ({ ...d, [k]: v })),
    error: act.fields[k],
  });

  return (
    <form
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <FormError message={act.message} />
      <div class="form-row">
        {field('justification', 'Обоснованность', list(JUSTIFICATION_LABELS), 'Не определена', HINTS.justification)}
        {field('importance', 'Важность', list(IMPORTANCE_LABELS), undefined, HINTS.importance)}
        {field('scope', 'Внешняя или внутренняя', list(SCOPE_LABELS), undefined, HINTS.scope)}
      </div>
      <div class="form-row">
        {field('satisfied', 'Удовлетворён решением', YES_NO_UNKNOWN, 'Неизвестно', survey ?? HINTS.satisfied)}
        {field('loyal', 'Лоялен по итогу', YES_NO_UNKNOWN, 'Неизвестно', survey ?? HINTS.loyal)}
      </div>
      <div class="form-row">
        {field('correction', 'Коррекция или компенсация', list(CORRECTION_LABELS), 'Не выбрана')}
        {field('correctionRecord', 'Чем оформлено', list(CORRECTION_RECORD_LABELS), 'Не оформлено')}
      </div>
      <TextAreaField label="Коррекция, подробно" rows={2} maxLength={2000} {...text('correctionNote')} />
      <div class="form-row">
        <TextField label="Должность контактного лица" maxLength={200} {...text('contactPosition')} />
        <TextField label="Дата ситуации" type="date" {...text('situationDate')} />
        <TextField label="Кто выполнял работу" maxLength={500} {...text('performer')} />
      </div>
      <div class="actions">
        <button type="submit" class="btn" disabled={act.busy || !changed}>
          {act.busy ? 'Сохраняем…' : 'Сохранить классификацию'}
        </button>
        {changed && !act.busy && (
          <button type="button" class="btn secondary" onClick={() => setDraft(original)}>
            Отменить
          </button>
        )}
      </div>
    </form>
  );
}

function ClassificationView({ c }: { c: CardComplaint }) {
  const survey = c.outcomeSource === 'survey' ? <span class="muted"> ({BY_SURVEY})</span> : null;
  const rows: Array<[string, ComponentChildren]> = [
    ['Обоснованность', label(JUSTIFICATION_LABELS, c.justification)],
    ['Важность', label(IMPORTANCE_LABELS, c.importance)],
    ['Внешняя или внутренняя', label(SCOPE_LABELS, c.scope)],
    ['Удовлетворён решением', [yesNoText(c.satisfied), survey]],
    ['Лоялен по итогу', [yesNoText(c.loyal), survey]],
    ['Коррекция или компенсация', label(CORRECTION_LABELS, c.correction)],
    ['Коррекция, подробно', c.correctionNote ?? '—'],
    ['Чем оформлено', label(CORRECTION_RECORD_LABELS, c.correctionRecord)],
    ['Должность контактного лица', c.contactPosition ?? '—'],
    ['Дата ситуации', c.situationDate ? c.situationDate.split('-').reverse().join('.') : '—'],
    ['Кто выполнял работу', c.performer ?? '—'],
  ];
  return (
    <dl class="dl">
      {rows.map(([term, value]) => (
        <div class="dl-row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
