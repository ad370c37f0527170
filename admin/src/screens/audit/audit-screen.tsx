import { useEffect, useState } from 'preact/hooks';
import type { AuditItem, AuditPage } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { formatDateTime } from '../../format.ts';
import { Link, navigate, type Place } from '../../router.tsx';
import { DateFilter, SelectField } from '../../ui/fields.tsx';
import { Empty, LoadError, Loading, MoreButton, PageTitle } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { ACTION_FAMILIES, actionLabel, detailsText, TARGET_LABELS } from './audit-labels.ts';
import { type AuditMeta, actorName, targetName } from './audit-names.ts';

const KEYS = ['action', 'user', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof KEYS)[number], string>>;

const auditHref = (f: Filters) => {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k]) p.set(k, f[k]!);
  const s = p.toString();
  return `/admin/audit${s ? `?${s}` : ''}`;
};

/** «Журнал»: who did what and when, newest first, filtered in the URL. */
export function AuditScreen({ place }: { place: Place }) {
  const { api, meta } = useConsole();
  const filters: Filters = {};
  for (const k of KEYS) {
    const v = place.query.get(k)?.trim();
    if (v) filters[k] = v;
  }
  const list = usePaged<AuditPage, AuditItem>(
    (cursor) => api.get('audit', { ...filters, cursor }),
    JSON.stringify(filters),
  );
  const [user, setUser] = useState(filters.user ?? '');
  useEffect(() => setUser(filters.user ?? ''), [filters.user]);
  useEffect(() => {
    document.title = 'Журнал — Отклик';
  }, []);

  const set = (k: keyof Filters) => (v: string) => navigate(auditHref({ ...filters, [k]: v.trim() }));
  const families =
    ACTION_FAMILIES.some((f) => f.value === filters.action) || !filters.action
      ? ACTION_FAMILIES
      : [...ACTION_FAMILIES, { value: filters.action, label: actionLabel(filters.action) }];

  return (
    <>
      <PageTitle>Журнал действий</PageTitle>
      <form
        class="filter-fields open audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          set('user')(user);
        }}
      >
        <SelectField
          label="Действие"
          value={filters.action ?? ''}
          onValue={set('action')}
          empty="Все"
          options={families}
        />
        <div class="field">
          <label for="audit-user">Пользователь</label>
          <div class="joined">
            <input
              id="audit-user"
              type="search"
              placeholder="e-mail или имя"
              value={user}
              onInput={(e) => setUser(e.currentTarget.value)}
            />
            <button type="submit" class="btn secondary">
              Найти
            </button>
          </div>
        </div>
        <DateFilter label="С даты" value={filters.from ?? ''} onCommit={set('from')} max={filters.to} />
        <DateFilter label="По дату" value={filters.to ?? ''} onCommit={set('to')} min={filters.from} />
        {Object.keys(filters).length > 0 && (
          <div class="reset">
            <Link href="/admin/audit">Сбросить фильтры</Link>
          </div>
        )}
      </form>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>Записей не нашлось.</Empty>
      ) : (
        <div class={list.loading ? 'stale' : undefined} aria-busy={list.loading}>
          <table class="table audit-table">
            <caption class="sr">Журнал действий, сначала новые</caption>
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кто</th>
                <th scope="col">Действие</th>
                <th scope="col">Объект</th>
                <th scope="col">Подробности</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr
                  key={r.id}
                  class={r.action.endsWith('failed') || r.action.endsWith('locked') ? 'warn-row' : undefined}
                >
                  <td data-label="Когда" class="nowrap">
                    <time dateTime={r.at}>{formatDateTime(r.at)}</time>
                  </td>
                  <td data-label="Кто">
                    {r.user ? (
                      <Link
                        href={auditHref({ ...filters, user: r.user.email ?? r.user.id })}
                        title={`Только его действия${r.user.email ? ` (${r.user.email})` : ''}`}
                      >
                        {actorName(meta, r.user)}
                      </Link>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td data-label="Действие">
                    <Link href={auditHref({ ...filters, action: r.action })} title="Только такие действия">
                      {actionLabel(r.action)}
                    </Link>
                  </td>
                  <td data-label="Объект">
                    <Target row={r} meta={meta} />
                  </td>
                  <td data-label="Подробности" class="small">
                    {detailsText(r.details, r.target?.type === 'submission' ? ['number'] : [], {
                      meta,
                      action: r.action,
                    }) || <span class="muted">—</span>}
                  </td>
                  <td data-label="IP" class="code-like small">
                    {r.ip ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.moreError && <LoadError error={list.moreError} retry={list.loadMore} />}
          <MoreButton shown={list.items.length} busy={list.moreBusy} hasMore={list.hasMore} onMore={list.loadMore} />
        </div>
      )}
    </>
  );
}

/** The registration number an audit line about a submission carries in its details. */
const numberOf = (row: AuditItem) => (typeof row.details.number === 'string' ? row.details.number : null);

/** What the line is about: a submission's number (a link to its card), else its kind and its name. */
function Target({ row, meta }: { row: AuditItem; meta: AuditMeta }) {
  const t = row.target;
  if (!t) return <span class="muted">—</span>;
  const kind = TARGET_LABELS[t.type] ?? t.type;
  const number = numberOf(row);
  if (t.type === 'submission')
    return <Link href={`/admin/submissions/${encodeURIComponent(t.id)}`}>{number ? `№ ${number}` : kind}</Link>;
  const name = targetName(meta, row);
  return (
    <span>
      {kind}{' '}
      {name ? (
        <span class="strong">{name}</span>
      ) : (
        <span class="code-like muted">{t.id.length > 12 ? `${t.id.slice(0, 8)}…` : t.id}</span>
      )}
    </span>
  );
}
