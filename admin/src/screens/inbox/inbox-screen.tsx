import { useEffect } from 'preact/hooks';
import type { InboxItem, InboxPage } from '../../api/types.ts';
import { useConsole } from '../../app-context.ts';
import { plural } from '../../format.ts';
import { canHandle } from '../../permissions.ts';
import { BASE, Link, type Place } from '../../router.tsx';
import { ExportLinks } from '../reports/export-links.tsx';
import { Empty, LoadError, Loading, MoreButton, PageTitle } from '../../ui/page.tsx';
import { usePaged } from '../../ui/use-paged.ts';
import { InboxFilters } from './inbox-filters.tsx';
import { readFilters } from './inbox-query.ts';
import { InboxTable } from './inbox-table.tsx';

const PAGE = 50;

/** The filters a refusal names (the API's query names), as the filter panel labels them. */
const FILTER_LABELS: Record<string, string> = {
  from: 'Регистрация с',
  to: 'Регистрация по',
  receivedFrom: 'Поступило с',
  receivedTo: 'Поступило по',
  q: 'Поиск',
};

/** «Входящие»: every submission, newest first, filtered by the URL. */
export function InboxScreen({ place }: { place: Place }) {
  const { api, user, meta } = useConsole();
  const filters = readFilters(place.query);
  const key = JSON.stringify(filters);
  const list = usePaged<InboxPage, InboxItem>(
    (cursor) => api.get('submissions', { ...filters, cursor, limit: PAGE }),
    key,
    'inbox',
  );
  // A refused filter's page is none: the figures of the filter before it are not this one's.
  const counts = list.error ? undefined : list.first?.counts;
  const byDeadline = filters.sort === 'deadline';
  const department = user.role === 'handler' ? meta.departments.find((d) => d.id === user.departmentId) : undefined;

  useEffect(() => {
    document.title = 'Входящие — Отклик';
  }, []);

  return (
    <>
      <PageTitle
        aside={
          <>
            {department && <span class="muted">Подразделение: {department.name}</span>}
            {!list.error && <ExportLinks name="reports/inbox" params={filters as Record<string, string>} />}
            {canHandle(user) && (
              <Link class="btn" href={`${BASE}/complaints/new`}>
                Зарегистрировать жалобу
              </Link>
            )}
          </>
        }
      >
        Входящие
      </PageTitle>
      <InboxFilters filters={filters} counts={counts} />
      <p class="summary" role="status" aria-live="polite">
        {list.loading
          ? 'Ищем…'
          : counts
            ? `Найдено ${counts.total} ${plural(counts.total, 'сообщение', 'сообщения', 'сообщений')}${byDeadline ? ' · открытые жалобы и предложения, сначала ближайший срок' : ''}`
            : ''}
      </p>
      {list.error ? (
        <LoadError error={list.error} retry={list.reload} labels={FILTER_LABELS} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>
          {filters.q || Object.keys(filters).length > 0
            ? 'Ничего не нашлось. Измените поиск или сбросьте фильтры.'
            : 'Сообщений пока нет.'}
        </Empty>
      ) : (
        <div class={list.loading ? 'stale' : undefined} aria-busy={list.loading}>
          <InboxTable items={list.items} byDeadline={byDeadline} />
          {list.moreError && <LoadError error={list.moreError} retry={list.loadMore} />}
          <MoreButton
            shown={list.items.length}
            total={counts?.total}
            busy={list.moreBusy}
            hasMore={list.hasMore}
            onMore={list.loadMore}
          />
        </div>
      )}
    </>
  );
}
