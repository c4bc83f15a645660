import { useSearchParams } from 'react-router';

export type EntrySort = 'seq' | '-seq';

export interface EntryFilters {
  action: string;
  actor: string;
  resourceType: string;
  resourceId: string;
  /** Days as `YYYY-MM-DD` (the value of a date input), both included. */
  from: string;
  to: string;
}

export interface EntryListParams {
  page: number;
  sort: EntrySort;
  filters: EntryFilters;
  /** The entry shown in the detail panel, if any. */
  entry: number | null;
}

export const FILTER_KEYS = ['action', 'actor', 'resourceType', 'resourceId', 'from', 'to'] as const satisfies ReadonlyArray<keyof EntryFilters>;
export const NO_FILTERS: EntryFilters = { action: '', actor: '', resourceType: '', resourceId: '', from: '', to: '' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(search: URLSearchParams): EntryFilters {
  const text = (key: keyof EntryFilters) => (search.get(key) ?? '').trim();
  const day = (key: 'from' | 'to') => (DAY.test(text(key)) ? text(key) : '');
  return { action: text('action'), actor: text('actor'), resourceType: text('resourceType'), resourceId: text('resourceId'), from: day('from'), to: day('to') };
}

function readEntry(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Page, order, filters and the open entry live in the address bar, like the users list: a
 * filtered view or one entry can be bookmarked or sent to a colleague, and Back undoes a step.
 */
export function useEntryListParams() {
  const [search, setSearch] = useSearchParams();
  const params: EntryListParams = {
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
    sort: search.get('sort') === 'seq' ? 'seq' : '-seq',
    filters: readFilters(search),
    entry: readEntry(search.get('entry')),
  };

  const write = (next: EntryListParams) => {
    const out = new URLSearchParams();
    if (next.page > 1) out.set('page', String(next.page));
    if (next.sort !== '-seq') out.set('sort', next.sort);
    for (const key of FILTER_KEYS) if (next.filters[key]) out.set(key, next.filters[key]);
    if (next.entry !== null) out.set('entry', String(next.entry));
    setSearch(out);
  };

  /** New filters or a new order start again from page 1 and close the open entry. */
  const setFilters = (filters: Partial<EntryFilters>) => write({ ...params, page: 1, entry: null, filters: { ...params.filters, ...filters } });
  const hasFilters = FILTER_KEYS.some((key) => params.filters[key] !== '');

  return {
    params,
    hasFilters,
    setFilters,
    clearFilters: () => setFilters(NO_FILTERS),
    setSort: (sort: EntrySort) => write({ ...params, sort, page: 1 }),
    setPage: (page: number) => write({ ...params, page }),
    openEntry: (seq: number) => write({ ...params, entry: seq }),
    closeEntry: () => write({ ...params, entry: null }),
  };
}
