/**
 * The inbox's filters, kept in the URL's query under the API's own names: a bookmark or Back
 * restores them. `overdue=1` keeps the complaints and suggestions past their deadline; `sort=deadline`
 * shows the open ones, the nearest deadline first.
 */
export const FILTERS = [
  'type',
  'kind',
  'status',
  'department',
  'employee',
  'channel',
  'from',
  'to',
  'receivedFrom',
  'receivedTo',
  'overdue',
  'sort',
  'q',
] as const;
export type FilterName = (typeof FILTERS)[number];
export type Filters = Partial<Record<FilterName, string>>;

/** The one value each switch takes: another one in a hand-edited URL is dropped, not sent to be refused. */
const SWITCHES: Partial<Record<FilterName, string>> = { overdue: '1', sort: 'deadline' };

/** @example readFilters(new URLSearchParams('kind=complaint&x=1&overdue=yes')) // { kind: 'complaint' } */
export function readFilters(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = query.get(name)?.trim();
    if (value && (SWITCHES[name] ?? value) === value) filters[name] = value;
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
