import { useEffect, useState } from 'preact/hooks';
import type { InboxCounts } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { CHANNEL_LABELS, type Choice, choices, KIND_LABELS, STATUS_LABELS } from '../../labels.ts';
import { Link, navigate } from '../../router.tsx';
import { DateFilter, SelectField } from '../../ui/fields.tsx';
import { activeCount, type FilterName, type Filters, inboxHref } from './inbox-query.ts';

const withCounts = (options: Choice[], counts: Record<string, number> | undefined): Choice[] =>
  options.map((o) => ({
    ...o,
    label: counts && counts[o.value] !== undefined ? `${o.label} (${counts[o.value]})` : o.label,
  }));

/** `sort=deadline`: open complaints and suggestions only, the nearest deadline (and so the overdue ones) first. */
const SORTS: Choice[] = [{ value: 'deadline', label: 'Сначала ближайший срок' }];

/** The type tabs, the search box and the filters; every change is a new URL (pushed, so Back undoes it). */
export function InboxFilters({ filters, counts }: { filters: Filters; counts: InboxCounts | undefined }) {
  const { meta, user } = useConsole();
  const [q, setQ] = useState(filters.q ?? '');
  const [open, setOpen] = useState(false);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const set = (name: FilterName) => (value: string) => navigate(inboxHref(filters, { [name]: value }));
  // The counts are of the list as filtered: with a type chosen, only its own tab's count is true.
  const countOf = (type: string) => {
    if (!counts || (filters.type && type !== filters.type)) return undefined;
    return type ? (counts.byType[type] ?? 0) : counts.total;
  };
  const types: Array<[string, string, number | undefined]> = [
    ['', 'Все', countOf('')],
    ['feedback', 'Обращения', countOf('feedback')],
    ['rating', 'Оценки', countOf('rating')],
  ];
  const narrowed = activeCount(filters);
  const departments = [
    ...meta.departments.map((d) => ({ value: d.id, label: d.name })),
    // The site's messages before anyone assigns them (the API's `department=none`).
    { value: 'none', label: 'Без подразделения' },
  ];
  // A handler sees his department's submissions only: another department's employee would find none.
  const department = user.role === 'handler' ? user.departmentId : filters.department || undefined;
  const employees = meta.employees
    .filter((e) => department === undefined || e.departmentId === (department === 'none' ? null : department))
    .map((e) => ({ value: e.slug, label: e.active ? e.name : `${e.name} (не работает)` }));

  return (
    <div class="inbox-filters">
      <nav class="tabs" aria-label="Тип">
        {types.map(([value, title, n]) => (
          <Link
            key={value}
            href={inboxHref(filters, { type: value })}
            aria-current={(filters.type ?? '') === value ? 'page' : undefined}
          >
            {title}
            {n !== undefined && <span class="count">{n}</span>}
          </Link>
        ))}
      </nav>
      {/* biome-ignore lint/a11y/useSemanticElements: Preact's JSX types lack <search>; role="search" is its ARIA equivalent */}
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(inboxHref(filters, { q: q.trim() }));
        }}
      >
        <label class="sr" for="inbox-q">
          Поиск
        </label>
        <input
          id="inbox-q"
          type="search"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
          placeholder="Номер, текст, автор, организация, e-mail, телефон"
          title="Поиск по номеру, тексту, имени, организации, e-mail и телефону"
        />
        <button type="submit" class="btn">
          Найти
        </button>
      </form>
      <button
        type="button"
        class="btn secondary filters-toggle"
        aria-expanded={open}
        aria-controls="inbox-filter-fields"
        onClick={() => setOpen(!open)}
      >
        Фильтры{narrowed > 0 ? ` (${narrowed})` : ''}
      </button>
      <fieldset id="inbox-filter-fields" class={`filter-fields ${open ? 'open' : ''}`}>
        <legend class="sr">Фильтры</legend>
        <SelectField
          label="Вид"
          value={filters.kind ?? ''}
          onValue={set('kind')}
          empty="Все"
          options={withCounts(choices(meta.kinds, KIND_LABELS), counts?.byKind)}
        />
        <SelectField
          label="Статус"
          value={filters.status ?? ''}
          onValue={set('status')}
          empty="Все"
          options={withCounts(choices(meta.statuses, STATUS_LABELS), counts?.byStatus)}
        />
        {user.role !== 'handler' && (
          <SelectField
            label="Подразделение"
            value={filters.department ?? ''}
            onValue={set('department')}
            empty="Все"
            options={departments}
          />
        )}
        <SelectField
          label="Сотрудник"
          value={filters.employee ?? ''}
          onValue={set('employee')}
          empty="Все"
          options={employees}
        />
        <SelectField
          label="Канал"
          value={filters.channel ?? ''}
          onValue={set('channel')}
          empty="Все"
          options={choices(meta.channels, CHANNEL_LABELS)}
        />
        <SelectField
          label="Порядок"
          class="sort"
          value={filters.sort ?? ''}
          onValue={set('sort')}
          empty="Сначала новые"
          options={SORTS}
        />
        <div class="field switch">
          <input
            id="inbox-overdue"
            type="checkbox"
            checked={filters.overdue === '1'}
            onChange={(e) => set('overdue')(e.currentTarget.checked ? '1' : '')}
          />
          <label for="inbox-overdue">Только просроченные</label>
        </div>
        <div class="period">
          <DateFilter label="Регистрация с" value={filters.from ?? ''} onCommit={set('from')} max={filters.to} />
          <DateFilter label="Регистрация по" value={filters.to ?? ''} onCommit={set('to')} min={filters.from} />
        </div>
        {/* By receipt, as the reports' «Поступило»: a letter registered later is listed in its own month. */}
        <div class="period">
          <DateFilter
            label="Поступило с"
            value={filters.receivedFrom ?? ''}
            onCommit={set('receivedFrom')}
            max={filters.receivedTo}
          />
          <DateFilter
            label="Поступило по"
            value={filters.receivedTo ?? ''}
            onCommit={set('receivedTo')}
            min={filters.receivedFrom}
          />
        </div>
        {(narrowed > 0 || filters.q) && (
          <div class="reset">
            <Link href={inboxHref({ type: filters.type })}>Сбросить фильтры</Link>
          </div>
        )}
      </fieldset>
    </div>
  );
}
