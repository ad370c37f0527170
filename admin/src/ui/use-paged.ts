import { useEffect, useRef, useState } from 'preact/hooks';
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

/** A list left for another screen: how much of it was shown, how far down, and the link followed. */
interface Left {
  list: string;
  key: string;
  rows: number;
  scrollY: number;
  href: string | null;
}

/** The list last left (one at a time: the way back is to the list just left). */
let left: Left | null = null;
/** The last link clicked while a kept list is shown: the row the user went to. */
let clicked: string | null = null;
const noteLink = (e: Event) => {
  clicked = (e.target as Element | null)?.closest?.('a[href]')?.getAttribute('href') ?? clicked;
};

/**
 * A keyset-paginated list: the first page whenever `key` (the filters) changes, then «Показать
 * ещё» appends the next one by its cursor. A list named by `keep` is found as it was on the way
 * back to it (Back, «← Входящие» from a card): as many rows as were shown, read again (a card
 * may have changed one), scrolled where it was, the row followed focused — not the first page at
 * the top, 150 rows above where the QMS had been.
 * @example const list = usePaged((cursor) => api.get('audit', { ...filters, cursor }), search)
 */
export function usePaged<P extends Page<I>, I>(
  load: (cursor: string | null) => Promise<P>,
  key: string,
  keep?: string,
): Paged<P, I> {
  const first = useLoad(() => load(null), [key]);
  const [items, setItems] = useState<I[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error?: ApiFailure }>({ busy: false });
  const shown = useRef({ key, rows: 0 });
  shown.current = { key, rows: items.length };
  const back = useRef(keep && left?.list === keep && left.key === key ? left : null);

  useEffect(() => {
    if (!keep) return;
    clicked = null;
    document.addEventListener('click', noteLink, true);
    return () => {
      document.removeEventListener('click', noteLink, true);
      left = { list: keep, ...shown.current, scrollY: window.scrollY, href: clicked };
    };
  }, []);

  useEffect(() => {
    setItems(first.data?.items ?? []);
    setCursor(first.data?.nextCursor ?? null);
    setMore({ busy: false });
    const b = back.current;
    if (first.data && b) {
      back.current = null;
      void restore(first.data, b);
    }
  }, [first.data]);

  /** The rows shown before, read again page by page, then the scroll and the focus as they were. */
  const restore = async (page: P, b: Left) => {
    // «Показать ещё» waits meanwhile: from the first page's cursor it would add rows restored next.
    setMore({ busy: true });
    let rows = page.items;
    let next = page.nextCursor;
    try {
      while (next && rows.length < b.rows) {
        const p = await load(next);
        rows = [...rows, ...p.items];
        next = p.nextCursor;
      }
    } catch {
      // What could be read is shown; «Показать ещё» goes on from there.
    }
    // Another filter chosen meanwhile: that list is the one to show.
    if (shown.current.key !== b.key) return;
    setItems(rows);
    setCursor(next);
    setMore({ busy: false });
    setTimeout(() => {
      window.scrollTo(0, b.scrollY);
      const row = b.href ? document.querySelector<HTMLElement>(`main a[href="${CSS.escape(b.href)}"]`) : null;
      row?.focus({ preventScroll: true });
    }, 0);
  };

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
