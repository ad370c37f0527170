import { useState } from 'preact/hooks';
import type { Card, HistoryEvent } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { type Choice, choices, KIND_LABELS, label, STATUS_LABELS } from '../../labels.ts';
import { canEdit, canHandle } from '../../permissions.ts';
import { Field, FormError, SelectField, TextAreaField } from '../../ui/fields.tsx';
import { focusStaysIn, placesOfFocus } from '../../ui/focus.ts';
import { useUnsaved } from '../../ui/unsaved.ts';
import { useAction } from '../../ui/use-action.ts';

interface Draft {
  kind: string;
  status: string;
  departmentId: string;
  employeeSlug: string;
}

const draftOf = (card: Card): Draft => ({
  kind: card.kind,
  status: card.status,
  departmentId: card.department?.id ?? '',
  employeeSlug: card.employee?.slug ?? '',
});

/**
 * The statuses a submission's «Статус» may be set to, as the server allows them
 * (server/console/card-changes.ts): a complaint — what its kind will be once saved — is closed by
 * its process (POST …/close), never by a status, and once closed its status is its process's
 * too (POST …/reopen opens it again): then its own status is all there is.
 * @example settableStatuses(all, 'closed', { complaint: true, closed: true }) // [Закрыто]
 */
export function settableStatuses(
  statuses: Choice[],
  current: string,
  { complaint, closed }: { complaint: boolean; closed: boolean },
): Choice[] {
  return statuses.filter((s) => s.value === current || !complaint || (!closed && s.value !== 'closed'));
}

/**
 * «Работа с обращением»: kind (a «благодарность» that is really a complaint), status, department
 * and employee. Sends only what changed; a handler changes the status only, a viewer nothing. What
 * a closed complaint's process owns (its kind, its status) is shown, not offered.
 */
export function CardManage({ card, onSaved }: { card: Card; onSaved: (card: Card) => void }) {
  const { api, user, meta, announce } = useConsole();
  const [draft, setDraft] = useState<Draft>(() => draftOf(card));
  const save = useAction();
  const editor = canEdit(user);
  if (!canHandle(user)) return null;

  const original = draftOf(card);
  const changed = (Object.keys(draft) as Array<keyof Draft>).filter((k) => draft[k] !== original[k]);
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (changed.length === 0) return;
    // A complaint made another kind leaves its review (the stages, the classification) off the card
    // and out of the deadlines and reports: asked first, as closing is.
    if (
      card.complaint &&
      changed.includes('kind') &&
      draft.kind !== 'complaint' &&
      !confirm(
        'Сделать жалобу другим видом обращения? Её разбор (этапы, классификация) уйдёт из карточки, сроков и отчётов и вернётся, если снова сделать её жалобой.',
      )
    )
      return;
    const body: Record<string, string | null> = {};
    for (const k of changed) body[k] = draft[k] === '' ? null : draft[k];
    const section = placesOfFocus();
    const saved = await save.run(() => api.send<Card>('PATCH', `submissions/${encodeURIComponent(card.id)}`, body));
    if (!saved) return;
    setDraft(draftOf(saved));
    onSaved(saved);
    announce('Сохранено');
    focusStaysIn(section);
  };

  const kinds = choices(meta.kinds, KIND_LABELS).filter((k) => k.value !== 'rating');
  const complaint = draft.kind === 'complaint';
  const closedComplaint = !!card.complaint?.closedAt;
  const statuses = settableStatuses(choices(meta.statuses, STATUS_LABELS), card.status, {
    complaint,
    closed: closedComplaint,
  });
  const employees = meta.employees
    .filter((e) => e.active || e.slug === card.employee?.slug)
    .map((e) => ({ value: e.slug, label: e.position ? `${e.name}, ${e.position}` : e.name }));

  return (
    <form
      class="panel"
      aria-labelledby="card-manage"
      ref={(el) => {
        save.ref.current = el;
      }}
      onSubmit={submit}
    >
      <h2 id="card-manage">Работа с обращением</h2>
      <FormError message={save.error} />
      {editor &&
        card.type === 'feedback' &&
        (closedComplaint ? (
          <FixedValue label="Вид" value={label(KIND_LABELS, card.kind)} hint="Закрытая жалоба остаётся жалобой" />
        ) : (
          <SelectField label="Вид" value={draft.kind} onValue={set('kind')} options={kinds} error={save.fields.kind} />
        ))}
      {statuses.length < 2 ? (
        <FixedValue
          label="Статус"
          value={label(STATUS_LABELS, card.status)}
          hint="Жалоба закрыта по процессу разбора. Чтобы изменить статус, откройте её снова (в «Закрытии» разбора)."
        />
      ) : (
        <SelectField
          label="Статус"
          value={draft.status}
          onValue={set('status')}
          options={statuses}
          hint={complaint ? 'Жалоба закрывается по процессу разбора, не статусом' : undefined}
          error={save.fields.status}
        />
      )}
      {editor && (
        <>
          <SelectField
            label="Подразделение"
            value={draft.departmentId}
            onValue={set('departmentId')}
            empty="Не назначено"
            options={meta.departments.map((d) => ({ value: d.id, label: d.name }))}
            error={save.fields.departmentId}
          />
          <SelectField
            label="Сотрудник"
            value={draft.employeeSlug}
            onValue={set('employeeSlug')}
            empty="Не указан"
            options={employees}
            error={save.fields.employeeSlug}
          />
        </>
      )}
      {/* A handler's closed complaint: nothing here he may change. */}
      {(editor || statuses.length > 1) && (
        <div class="actions">
          <button type="submit" class="btn" disabled={save.busy || changed.length === 0}>
            {save.busy ? 'Сохраняем…' : 'Сохранить'}
          </button>
          {changed.length > 0 && !save.busy && (
            <button type="button" class="btn secondary" onClick={() => setDraft(original)}>
              Отменить
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** A field the form shows and does not offer to change: its name, its value, and why. */
function FixedValue({ label: name, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Field label={name} hint={hint}>
      {(control) => (
        <output {...control} class="fixed-value">
          {value}
        </output>
      )}
    </Field>
  );
}

/** An internal comment: seen by the QMS and the department, never by the client. */
export function CardComment({ card, onAdded }: { card: Card; onAdded: (event: HistoryEvent) => void }) {
  const { api, user, announce } = useConsole();
  const [text, setText] = useState('');
  const add = useAction();
  useUnsaved(text.trim() !== '');
  if (!canHandle(user)) return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return add.fail({ text: 'Напишите комментарий' });
    const section = placesOfFocus();
    const event = await add.run(() =>
      api.send<HistoryEvent>('POST', `submissions/${encodeURIComponent(card.id)}/comments`, { text: text.trim() }),
    );
    if (!event) return;
    setText('');
    onAdded(event);
    announce('Комментарий добавлен');
    focusStaysIn(section);
  };

  return (
    <form
      class="panel"
      aria-labelledby="card-comment"
      ref={(el) => {
        add.ref.current = el;
      }}
      onSubmit={submit}
      noValidate
    >
      <h2 id="card-comment">Внутренний комментарий</h2>
      <FormError message={add.error} />
      <TextAreaField
        label="Текст"
        hint="Клиент его не увидит."
        value={text}
        onValue={setText}
        error={add.fields.text}
        rows={3}
        maxLength={5000}
      />
      <button type="submit" class="btn" disabled={add.busy}>
        {add.busy ? 'Добавляем…' : 'Добавить комментарий'}
      </button>
    </form>
  );
}
