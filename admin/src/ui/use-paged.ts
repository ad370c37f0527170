import { useEffect, useState } from 'preact/hooks';
import { type ApiFailure, asFailure } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useLoad } from './use-load.ts';

export interface Paged<P extends Page<I>, I> {
  /** The first page as it came (its counts and totals). */
  first: P | undefined;
  items: I[];
  hasMore: boolean;
  loading: boolean;
  error: ApiFailure | undefined;
  moreBusy: boolean;
  moreError: ApiFailure | undefined;
  loadMore: () => void;
  reload: () => void;
  /** Drops items in place (a moderated review leaves the queue). */
  remove: (drop: (item: I) => boolean) => void;
}

/**
 * A keyset-paginated list: the first page whenever `key` (the filters) changes, then «Показать
 * ещё» appends the next one by its cursor.
 * @example const list = usePaged((cursor) => api.get('audit', { ...filters, cursor }), search)
 */
export function usePaged<P extends Page<I>, I>(load: (cursor: string | null) => Promise<P>, key: string): Paged<P, I> {
  const first = useLoad(() => load(null), [key]);
  const [items, setItems] = useState<I[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error?: ApiFailure }>({ busy: false });

  useEffect(() => {
    setItems(first.data?.items ?? []);
    setCursor(first.data?.nextCursor ?? null);
    setMore({ busy: false });
  }, [first.data]);

  const loadMore = async () => {
    if (!cursor || more.busy) return;
    setMore({ busy: true });
    try {
      const page = await load(cursor);
      setItems((old) => [...old, ...page.items]);
      setCursor(page.nextCursor);
      setMore({ busy: false });
    } catch (err) {
      setMore({ busy: false, error: asFailure(err) });
    }
  };

  return {
    first: first.data,
    items,
    hasMore: cursor !== null,
    loading: first.loading,
    error: first.error,
    moreBusy: more.busy,
    moreError: more.error,
    loadMore,
    reload: first.reload,
    remove: (drop) => setItems((old) => old.filter((i) => !drop(i))),
  };
}
