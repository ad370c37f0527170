import { useState } from 'preact/hooks';
import { STEP_TITLES, type Step } from '../../../../shared/complaint-process.ts';
import type { Card, StepState } from '../../api/types.ts';
import { FormError, TextAreaField, TextField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useUnsaved } from '../../ui/unsaved.ts';
import { moscowDay, moscowInstant } from './complaint-format.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';
import { ReasonForm } from './reason-form.tsx';
import { type FocusAfter, useCardPost } from './use-card-post.ts';

/**
 * A form of one step's row: the card it changes, the answer's card to show, where it closes (done,
 * or cancelled by its button or Esc) and where the focus goes once it is done.
 */
interface StepFormProps {
  card: Card;
  step: Step;
  onCard: (c: Card) => void;
  onClose: (done: boolean) => void;
  focusAfter: FocusAfter;
}

/** Marks a step of stage 1 done, now or when it was (recorded after the fact), with an optional comment. */
export function StepDoneForm({ card, step, onCard, onClose, focusAfter }: StepFormProps) {
  const [comment, setComment] = useState('');
  const [at, setAt] = useState('');
  const act = useCardPost(card, onCard, ['comment', 'at']);
  useFocusFirstField(act.ref);
  // A comment written is asked about before the page is left (a link, a reload, «Выйти»).
  useUnsaved(comment.trim() !== '');
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { ...(comment.trim() ? { comment: comment.trim() } : {}), ...(at ? { at: moscowInstant(at) } : {}) };
    if (await act.post(`steps/${step}`, body, `Шаг ${step} отмечен выполненным`, focusAfter)) onClose(true);
  };
  return (
    <form
      class="panel inline-form"
      aria-label={`Шаг ${step}: ${STEP_TITLES[step]}`}
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      onKeyDown={closeOnEscape(() => onClose(false), comment.trim() !== '')}
      noValidate
    >
      <FormError message={act.message} />
      <TextAreaField
        label="Комментарий"
        hint="Необязательно: что сделано, с кем договорились."
        value={comment}
        onValue={setComment}
        error={act.fields.comment}
        rows={2}
        maxLength={2000}
      />
      <TextField
        label="Когда выполнен"
        type="datetime-local"
        hint="По Москве; пусто — сейчас. Для шага, сделанного раньше, чем его отмечают."
        value={at}
        onValue={setAt}
        error={act.fields.at}
      />
      <div class="actions">
        <button type="submit" class="btn small" disabled={act.busy}>
          {act.busy ? 'Сохраняем…' : `Отметить шаг ${step} выполненным`}
        </button>
        <button type="button" class="btn secondary small" onClick={() => onClose(false)}>
          Отмена
        </button>
      </div>
    </form>
  );
}

/**
 * Takes back a step's mark, with the reason the history keeps: a step marked by mistake, or a
 * correction (1.4) the client's check found not working — then a new date is agreed for it.
 */
export function StepUndoForm({ card, step, onCard, onClose, focusAfter }: StepFormProps) {
  return (
    <ReasonForm
      card={card}
      onCard={onCard}
      onClose={onClose}
      focusAfter={focusAfter}
      text={{
        name: `Отмена отметки шага ${step}: ${STEP_TITLES[step]}`,
        label: 'Почему отметка отменяется',
        hint:
          step === '1.4'
            ? 'Например: проверка показала, что коррекция не работает. Затем согласуйте с клиентом новую дату.'
            : 'Например: шаг отмечен по ошибке. Причина останется в истории.',
        missing: 'Напишите, почему отметка отменяется',
        path: `steps/${step}/undo`,
        done: `Отметка шага ${step} отменена`,
        submit: `Снять отметку с шага ${step}`,
        busy: 'Сохраняем…',
        cancel: 'Не отменять',
      }}
    />
  );
}

/**
 * Step 1.4's deadline: the day agreed with the client (its working day's close). Saved, the form is
 * drawn anew: the focus goes to `focusAfter` (the step's row, with its new deadline).
 */
export function AgreedDateForm({
  card,
  step,
  onCard,
  focusAfter,
}: {
  card: Card;
  step: StepState;
  onCard: (c: Card) => void;
  focusAfter: FocusAfter;
}) {
  const agreed = step.dueAt ? moscowDay(step.dueAt) : '';
  const [day, setDay] = useState(agreed);
  const act = useCardPost(card, onCard, ['day']);
  const save = (value: string | null) =>
    act.post('agreed-date', { day: value }, value ? 'Дата внедрения согласована' : 'Дата убрана', focusAfter);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!day) return act.fail({ day: 'Укажите дату' });
    void save(day);
  };
  return (
    <form
      class="agreed-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <FormError message={act.message} />
      <TextField
        label="Дата, согласованная с клиентом"
        hint="Шаг 1.4: срок — конец рабочего времени этого дня, а в выходной — обычный час окончания работы."
        type="date"
        value={day}
        min={card.complaint ? moscowDay(card.complaint.receivedAt) : undefined}
        max={moscowDay(new Date(Date.now() + 365 * 86_400_000).toISOString())}
        onValue={setDay}
        onChange={(e) => setDay(e.currentTarget.value)}
        error={act.fields.day}
      />
      <div class="actions">
        <button type="submit" class="btn secondary small" disabled={act.busy || day === agreed}>
          {act.busy ? 'Сохраняем…' : 'Сохранить дату'}
        </button>
        {agreed && (
          <button type="button" class="btn secondary small" disabled={act.busy} onClick={() => void save(null)}>
            Убрать дату
          </button>
        )}
      </div>
    </form>
  );
}
