import type { ComponentChildren } from 'preact';
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
export function LoadError({ error, retry }: { error: ApiFailure; retry?: () => void }) {
  const problems = [...new Set(Object.values(error.fields))];
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
      {retry && (
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

/** «Показать ещё» of a keyset-paginated list. */
export function MoreButton({
  shown,
  total,
  busy,
  onMore,
}: {
  shown: number;
  total?: number | undefined;
  busy: boolean;
  onMore: () => void;
}) {
  return (
    <div class="more">
      <button type="button" class="btn secondary" onClick={onMore} disabled={busy} aria-busy={busy}>
        {busy ? 'Загрузка…' : 'Показать ещё'}
      </button>
      {total !== undefined && (
        <span class="muted">
          Показано {shown} из {total}
        </span>
      )}
    </div>
  );
}
