import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useConsole } from '../app-context.ts';
import type { ApiFailure } from '../api/client.ts';

/**
 * The screen's main heading. Navigation moves focus here (tabIndex −1: focusable by script,
 * not a tab stop), so a screen-reader user hears where he is. `aside` goes to the right, or right
 * beside the heading with `besides` (a card's kind and status).
 */
export function PageTitle({
  children,
  aside,
  besides = false,
}: {
  children: ComponentChildren;
  aside?: ComponentChildren;
  besides?: boolean;
}) {
  return (
    <div class="page-title">
      <h1 tabIndex={-1}>{children}</h1>
      {aside && <div class={`page-title-aside${besides ? ' besides' : ''}`}>{aside}</div>}
    </div>
  );
}

/**
 * A failed load, with a way to try again. A filter the server refused (422) says what is wrong with
 * it, since «Проверьте поля формы» alone names no field of a list's filters.
 */
/**
 * What a load failed with, and «Повторить» when trying again may help: not for a refused request
 * (422: the filter itself is wrong), whose fields are named by `labels` when the screen gives them
 * («Поступило по: Конец периода не может быть раньше его начала» — the same words served two periods).
 */
export function LoadError({
  error,
  retry,
  labels = {},
}: {
  error: ApiFailure;
  retry?: () => void;
  labels?: Record<string, string>;
}) {
  const problems = [
    ...new Set(Object.entries(error.fields).map(([field, p]) => (labels[field] ? `${labels[field]}: ${p}` : p))),
  ];
  return (
    <div class="alert" role="alert">
      <p>{error.message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {retry && error.status !== 422 && (
        <button type="button" class="btn secondary small" onClick={retry}>
          Повторить
        </button>
      )}
    </div>
  );
}

export function Loading({ text = 'Загрузка…' }: { text?: string }) {
  return (
    <p class="loading" role="status">
      {text}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** What a keyboard can reach in a list's rows: where focus goes among the rows just loaded. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex="0"]';

/**
 * «Показать ещё» of a keyset-paginated list, placed right after the list's rows in one parent.
 * The button stays focusable while it loads (`aria-disabled`, not `disabled`, which would drop
 * focus to the page's start); then focus goes to the first of the rows loaded, which also works on
 * the last page, where the button is gone, and how many came is announced.
 */
export function MoreButton({
  shown,
  total,
  busy,
  hasMore,
  onMore,
}: {
  shown: number;
  total?: number | undefined;
  busy: boolean;
  hasMore: boolean;
  onMore: () => void;
}) {
  const { announce } = useConsole();
  const box = useRef<HTMLDivElement>(null);
  // Asked for more: how many rows were shown, and how many focusable elements they held.
  const asked = useRef<{ shown: number; focusables: number } | null>(null);
  const focusables = () =>
    [...(box.current?.parentElement?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => !box.current!.contains(el),
    );
  useEffect(() => {
    const a = asked.current;
    if (!a || busy) return;
    asked.current = null;
    // Nothing came (a failure, shown by the list's error): focus stays on the button.
    if (shown <= a.shown) return;
    focusables()[a.focusables]?.focus();
    const came = shown - a.shown;
    announce(`Загружено ещё ${came}${hasMore ? '' : '. Показаны все'}`);
  }, [busy, shown]);
  const more = () => {
    if (busy) return;
    asked.current = { shown, focusables: focusables().length };
    onMore();
  };
  return (
    <div class="more" ref={box}>
      {hasMore && (
        <button type="button" class="btn secondary" onClick={more} aria-disabled={busy} aria-busy={busy}>
          {busy ? 'Загрузка…' : 'Показать ещё'}
        </button>
      )}
      {total !== undefined && (
        <span class="muted">
          Показано {shown} из {total}
        </span>
      )}
    </div>
  );
}
