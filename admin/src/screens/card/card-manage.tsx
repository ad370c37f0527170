import { useState } from 'preact/hooks';
import type { Card, HistoryEvent } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { choices, KIND_LABELS, STATUS_LABELS } from '../../labels.ts';
import { canEdit, canHandle } from '../../permissions.ts';
import { FormError, SelectField, TextAreaField } from '../../ui/fields.tsx';
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
 * «Работа с обращением»: kind (a «благодарность» that is really a complaint), status, department
 * and employee. Sends only what changed; a handler changes the status only, a viewer nothing.
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
  // A complaint is closed by its process, never by the status (the server refuses: 422 status).
  const complaint = card.complaint !== null || draft.kind === 'complaint';
  const closedComplaint = !!card.complaint?.closedAt;
  const statuses = choices(meta.statuses, STATUS_LABELS).filter(
    (s) => !complaint || s.value !== 'closed' || card.status === 'closed',
  );
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
      {editor && card.type === 'feedback' && (
        <SelectField
          label="Вид"
          value={draft.kind}
          onValue={set('kind')}
          options={kinds}
          disabled={closedComplaint}
          hint={closedComplaint ? 'Закрытая жалоба остаётся жалобой' : undefined}
          error={save.fields.kind}
        />
      )}
      <SelectField
        label="Статус"
        value={draft.status}
        onValue={set('status')}
        options={statuses}
        disabled={closedComplaint}
        hint={
          closedComplaint
            ? 'Жалоба закрыта по процессу разбора'
            : complaint
              ? 'Жалоба закрывается по процессу разбора, не статусом'
              : undefined
        }
        error={save.fields.status}
      />
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
    </form>
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
