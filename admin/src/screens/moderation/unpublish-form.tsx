import { useRef, useState } from 'preact/hooks';
import type { ModerationDecision } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import type { Choice } from '../../labels.ts';
import { FormError, SelectField, TextAreaField } from '../../ui/fields.tsx';
import { useFocusFirstField } from '../../ui/focus.ts';
import { useAction } from '../../ui/use-action.ts';
import { closeOnEscape } from '../../ui/close-on-escape.ts';

const OTHER = 'other';

/** Why a published review is taken down, most often (PRODUCT.md «Publication of reviews»). */
export const UNPUBLISH_REASONS: Choice[] = [
  { value: 'consent', label: 'Клиент отозвал согласие на публикацию' },
  { value: 'left', label: 'Сотрудник больше не работает в компании' },
  { value: 'mistake', label: 'Опубликован по ошибке' },
  { value: OTHER, label: 'Другая причина' },
];

/**
 * The reason as it is stored and shown in the history and the audit log: the common one, with the
 * moderator's words after it when he added some; his words alone for another reason.
 * @example unpublishReason('left', 'уволился 1 декабря') // 'Сотрудник больше не работает в компании: уволился 1 декабря'
 */
export function unpublishReason(choice: string, details: string): string {
  const words = details.trim();
  const common = UNPUBLISH_REASONS.find((r) => r.value === choice && r.value !== OTHER)?.label;
  return common ? (words ? `${common}: ${words}` : common) : words;
}

/**
 * «Снять с публикации»: a reason (required: a common one, or the moderator's own words) and the
 * request. The review leaves the site at once; the reason goes to the history and the audit log.
 */
export function UnpublishForm({
  submissionId,
  onDone,
  onCancel,
}: {
  submissionId: string;
  onDone: (decision: ModerationDecision) => void;
  onCancel: () => void;
}) {
  const { api } = useConsole();
  const [choice, setChoice] = useState('');
  const [details, setDetails] = useState('');
  const act = useAction();
  const form = useRef<HTMLFormElement | null>(null);
  useFocusFirstField(form);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!choice) return act.fail({ reason: 'Выберите причину' });
    const reason = unpublishReason(choice, details);
    if (!reason) return act.fail({ details: 'Опишите причину' });
    const decision = await act.run(() =>
      api.send<ModerationDecision>('POST', `moderation/${encodeURIComponent(submissionId)}/unpublish`, { reason }),
    );
    if (decision) onDone(decision);
  };

  return (
    <form
      onKeyDown={closeOnEscape(onCancel, details.trim() !== '')}
      class="unpublish"
      onSubmit={submit}
      noValidate
      ref={(el) => {
        form.current = el;
        act.ref.current = el;
      }}
    >
      <FormError message={act.error} />
      <SelectField
        label="Причина снятия"
        required
        value={choice}
        onValue={setChoice}
        options={UNPUBLISH_REASONS}
        empty="Выберите причину"
        error={act.fields.reason}
      />
      <TextAreaField
        label={choice === OTHER ? 'Какая причина' : 'Пояснение'}
        required={choice === OTHER}
        hint="Видно только сотрудникам СМК: в истории обращения и в журнале действий."
        value={details}
        onValue={setDetails}
        rows={2}
        error={act.fields.details}
      />
      <div class="actions">
        <button type="submit" class="btn danger" disabled={act.busy}>
          Снять с публикации
        </button>
        <button type="button" class="btn secondary" disabled={act.busy} onClick={onCancel}>
          Отмена
        </button>
      </div>
    </form>
  );
}
