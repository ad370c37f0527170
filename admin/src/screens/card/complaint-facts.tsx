import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Card, CardComplaint } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { ORIGIN_LABELS } from './complaint-labels.ts';
import { useCardPost } from './use-card-post.ts';

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who is responsible, when and how it came, who registered it; a warning when deadlines are rough. */
export function ComplaintFacts({ card, canAct, onCard }: { card: Card; canAct: boolean; onCard: (c: Card) => void }) {
  const c = card.complaint as CardComplaint;
  return (
    <>
      {!c.calendarKnown && (
        <p class="warn">
          Постановление о переносах выходных на год не загружено: считаем выходные и праздники по ТК РФ.{' '}
          <Link href="/admin/calendar">Производственный календарь</Link>
        </p>
      )}
      <dl class="dl complaint-facts">
        <Fact term="Ответственный">
          {canAct ? (
            <ResponsibleForm key={c.responsible?.id ?? ''} card={card} onCard={onCard} />
          ) : (
            (c.responsible?.name ?? <span class="muted">не назначен</span>)
          )}
        </Fact>
        <Fact term="Поступила">
          <time dateTime={c.receivedAt}>{formatDateTime(c.receivedAt)}</time>
        </Fact>
        <Fact term="Источник">
          {ORIGIN_LABELS[c.origin]}
          {c.rating && (
            <>
              {' '}
              <Link href={`/admin/submissions/${encodeURIComponent(c.rating.id)}`}>№ {c.rating.number}</Link>
            </>
          )}
        </Fact>
        <Fact term="Регистрация">{c.registeredBy?.name ?? <span class="muted">автоматически</span>}</Fact>
      </dl>
    </>
  );
}

/** The responsible person: an admin, the QMS, or a handler of the complaint's department. */
function ResponsibleForm({ card, onCard }: { card: Card; onCard: (c: Card) => void }) {
  const { meta } = useConsole();
  const current = card.complaint?.responsible ?? null;
  const [value, setValue] = useState(current?.id ?? '');
  const act = useCardPost(card, onCard, ['responsibleUserId']);
  const options = meta.handlers
    .filter((u) => u.role !== 'handler' || u.departmentId === card.department?.id)
    .map((u) => ({ value: u.id, label: u.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });

  const submit = async (e: Event) => {
    e.preventDefault();
    await act.post('responsible', { responsibleUserId: value || null }, 'Ответственный назначен');
  };
  return (
    <form
      class="responsible-form"
      ref={(el) => {
        act.ref.current = el;
      }}
      onSubmit={submit}
    >
      {act.message && (
        <div class="field-error" role="alert" tabIndex={-1} data-form-error>
          {act.message}
        </div>
      )}
      <SelectField
        label="Ответственный за разбор"
        class="sr-label"
        value={value}
        onValue={setValue}
        empty="Не назначен"
        options={options}
        error={act.fields.responsibleUserId}
      />
      <button type="submit" class="btn secondary small" disabled={act.busy || value === (current?.id ?? '')}>
        {act.busy ? 'Назначаем…' : 'Назначить'}
      </button>
    </form>
  );
}
