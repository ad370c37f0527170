import { afterEach, expect, it, vi } from 'vitest';
import { json, META, openConsole, signedIn, stubApi } from '../../testing/helpers.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

it('links the inbox’s files with its current filter, as GET /submissions gets it', async () => {
  const api = stubApi({
    'GET me': signedIn(),
    'GET meta': json(200, META),
    'GET submissions': json(200, { items: [], nextCursor: null }),
  });
  const c = await openConsole(
    '/admin/?kind=complaint&department=d1&overdue=1&q=%D1%80%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0',
  );
  const asked = api.last('GET', 'submissions')!.query;
  const links = c.$$<HTMLAnchorElement>('.export-links a');
  expect(links.map((a) => a.textContent)).toEqual(['Скачать CSV', 'Скачать XLSX']);
  for (const [a, format] of [
    [links[0]!, 'csv'],
    [links[1]!, 'xlsx'],
  ] as const) {
    const url = new URL(a.href, location.origin);
    expect(url.pathname).toBe(`/api/admin/reports/inbox.${format}`);
    expect(a.hasAttribute('download')).toBe(true);
    // The file's filter is the list's, without the page's cursor and size.
    const { cursor: _c, limit: _l, ...filter } = asked;
    expect(Object.fromEntries(url.searchParams)).toEqual(filter);
    expect(filter).toEqual({ kind: 'complaint', department: 'd1', overdue: '1', q: 'ромашка' });
  }
});
