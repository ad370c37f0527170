import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { mayLeave } from './ui/unsaved.ts';

/** Where the console is mounted; the server answers index.html for every path under it. */
export const BASE = '/admin';

const NAVIGATED = 'otklik:navigate';

export interface Place {
  /** The path inside the console, without BASE: «/», «/submissions/…». */
  path: string;
  query: URLSearchParams;
  /** The whole URL inside the console, to come back to. */
  href: string;
}

function currentPlace(): Place {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) || '/' : '/';
  return { path, query: new URLSearchParams(location.search), href: location.pathname + location.search };
}

/** The current place, re-rendering on Back, Forward and `navigate()`. */
export function usePlace(): Place {
  const [place, setPlace] = useState(currentPlace);
  useEffect(() => {
    const update = () => setPlace(currentPlace());
    addEventListener('popstate', update);
    addEventListener(NAVIGATED, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATED, update);
    };
  }, []);
  return place;
}

/**
 * Goes to a console URL in the page, as a link would, so that Back returns.
 * @example navigate('/admin/submissions/42')
 */
export function navigate(href: string, opts: { replace?: boolean } = {}) {
  if (href === location.pathname + location.search) return;
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', href);
  dispatchEvent(new Event(NAVIGATED));
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children?: ComponentChildren };

/**
 * A real link (open in a new tab works) that navigates inside the app on a plain click, after
 * asking when typed text would be lost (ui/unsaved.ts).
 */
export function Link({ href, onClick, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (typeof onClick === 'function') onClick(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        if (mayLeave()) navigate(href);
      }}
    />
  );
}

/**
 * Matches a path against a pattern with «:name» parts.
 * @example match('/submissions/:id', '/submissions/42') // { id: '42' }
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (pattern === '/') return path === '/' || path === '' ? {} : null;
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
