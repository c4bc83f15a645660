import { useSearchParams } from 'react-router';
import type { SearchParams } from './catalogue-api.ts';
import { isItemType } from './catalogue-text.ts';

export interface CatalogueParams {
  /** The framework shown in the tree; null: the first one the server lists. */
  framework: string | null;
  /** The item whose details are open. */
  item: string | null;
  search: SearchParams;
}

const NO_SEARCH: SearchParams = { q: '', framework: null, type: null, assessable: null, page: 1 };

function read(search: URLSearchParams): CatalogueParams {
  const text = (key: string) => {
    const value = search.get(key)?.trim();
    return value ? value : null;
  };
  const type = text('type');
  const assessable = text('assessable');
  return {
    framework: text('framework'),
    item: search.get('item') || null,
    search: {
      q: search.get('q') ?? '',
      framework: text('in'),
      type: isItemType(type) ? type : null,
      assessable: assessable === 'true' || assessable === 'false' ? assessable : null,
      page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
    },
  };
}

function write(next: CatalogueParams): URLSearchParams {
  const out = new URLSearchParams();
  if (next.framework) out.set('framework', next.framework);
  if (next.item) out.set('item', next.item);
  if (next.search.q) out.set('q', next.search.q);
  if (next.search.framework) out.set('in', next.search.framework);
  if (next.search.type) out.set('type', next.search.type);
  if (next.search.assessable) out.set('assessable', next.search.assessable);
  if (next.search.page > 1) out.set('page', String(next.search.page));
  return out;
}

/**
 * The framework, the open item and the search live in the address bar
 * (`?framework=iso42001&item=6.1.4`): an item can be bookmarked or sent to a colleague, and Back
 * returns to the item seen before, also across frameworks after following a crosswalk mapping.
 */
export function useCatalogueParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = read(searchParams);

  const itemSearch = (framework: string, item: string | null) => `?${write({ ...params, framework, item }).toString()}`;

  return {
    params,
    hasSearch: params.search.q.trim() !== '',
    /** The address of an item, keeping the search, for links a person can also open in a new tab. */
    itemSearch,
    selectFramework: (framework: string) => setSearchParams(write({ ...params, framework, item: null })),
    openItem: (framework: string, item: string) => setSearchParams(write({ ...params, framework, item })),
    closeItem: () => setSearchParams(write({ ...params, item: null })),
    /** Typing replaces the address instead of adding a step per pause; filters and pages add one. */
    setSearch: (changes: Partial<SearchParams>) =>
      setSearchParams(write({ ...params, search: { ...params.search, page: 1, ...changes } }), { replace: changes.q !== undefined }),
    clearSearch: () => setSearchParams(write({ ...params, search: NO_SEARCH })),
  };
}

export type CatalogueNavigation = ReturnType<typeof useCatalogueParams>;
