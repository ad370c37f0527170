/** The inbox's filters, kept in the URL's query under the API's own names: a bookmark or Back restores them. */
export const FILTERS = ['type', 'kind', 'status', 'department', 'employee', 'channel', 'from', 'to', 'q'] as const;
export type FilterName = (typeof FILTERS)[number];
export type Filters = Partial<Record<FilterName, string>>;

/** @example readFilters(new URLSearchParams('kind=complaint&x=1')) // { kind: 'complaint' } */
export function readFilters(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = query.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * The inbox URL with one filter changed (an empty value removes it).
 * @example inboxHref({ kind: 'complaint' }, { status: 'new' }) // '/admin/?kind=complaint&status=new'
 */
export function inboxHref(filters: Filters, change: Filters = {}): string {
  const params = new URLSearchParams();
  const next: Filters = { ...filters, ...change };
  for (const name of FILTERS) if (next[name]) params.set(name, next[name]!);
  const s = params.toString();
  return `/admin/${s ? `?${s}` : ''}`;
}

/** How many filters narrow the list (the phone's «Фильтры (2)»); the type tabs and search count apart. */
export const activeCount = (filters: Filters) => FILTERS.filter((n) => n !== 'type' && n !== 'q' && filters[n]).length;
