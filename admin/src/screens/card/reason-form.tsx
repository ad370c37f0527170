import { useState } from 'preact/hooks';
import type { Card } from '../../api/types.ts';
import { FormError, TextAreaField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useUnsaved } from '../../ui/unsaved.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';
import { type FocusAfter, useCardPost } from './use-card-post.ts';

/** What a reason form asks and says: its name, field, refusal, action and answer. */
export interface ReasonFormText {
  /** The form's name for a screen reader. */
  name: string;
  label: string;
  hint: string;
  /** Said under the field when it is left empty. */
  missing: string;
  /** The complaint action it posts to, under `submissions/:id/`. */
  path: string;
  /** Announced once done. */
  done: string;
  submit: string;
  busy: string;
  cancel: string;
}

/**
 * A complaint action that needs its reason, which the history keeps (a step's mark taken back, a
 * complaint opened again): one required text, sent once however often it is clicked. `onClose`
 * says whether it was done or cancelled (by its button or Esc); `focusAfter`, where the focus
 * goes once it is done.
 */
export function ReasonForm({
  card,
  onCard,
  onClose,
  focusAfter,
  text,
}: {
  card: Card;
  onCard: (c: Card) => void;
  onClose: (done: boolean) => void;
  focusAfter?: FocusAfter;
  text: ReasonFormText;
}) {
  const [reason, setReason] = useState('');
  const act = useCardPost(card, onCard, ['reason']);
  useFocusFirstField(act.ref);
  // A reason written is asked about before the page is left (a link, a reload, «Выйти»).
  useUnsaved(reason.trim() !== '');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (act.busy) return; // a double click sends once
    if (!reason.trim()) return act.fail({ reason: text.missing });
    if (await act.post(text.path, { reason: reason.trim() }, text.done, focusAfter)) onClose(true);
  };
  return (
    <form
      class="panel inline-form"
      aria-label={text.name}
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
      onKeyDown={closeOnEscape(() => onClose(false), reason.trim() !== '')}
      noValidate
    >
      <FormError message={act.message} />
      <TextAreaField
        label={text.label}
        hint={text.hint}
        value={reason}
        onValue={setReason}
        error={act.fields.reason}
        rows={2}
        maxLength={2000}
        required
      />
      <div class="actions">
        <button type="submit" class="btn small" aria-disabled={act.busy}>
          {act.busy ? text.busy : text.submit}
        </button>
        <button type="button" class="btn secondary small" onClick={() => onClose(false)}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
