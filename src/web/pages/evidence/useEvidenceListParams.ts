import { useSearchParams } from 'react-router';
import type { EvidenceQuery, EvidenceSort, ExpiryState, ReviewStatus } from './evidence-api.ts';

const SORTS: readonly EvidenceSort[] = ['created_at', '-created_at', 'title', '-title', 'expires_on', '-expires_on'];
const REVIEW: readonly ReviewStatus[] = ['draft', 'in_review', 'approved', 'rejected'];
const EXPIRY: readonly ExpiryState[] = ['no_expiry', 'valid', 'expiring_soon', 'expired'];
const DEFAULT_SORT: EvidenceSort = '-created_at';

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Page, search, filters, sort and the open evidence live in the address bar, to share or go back. */
export function useEvidenceListParams() {
  const [search, setSearch] = useSearchParams();
  const params: EvidenceQuery = {
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
    q: search.get('q') ?? '',
    reviewStatus: pick(search.get('review'), REVIEW),
    expiry: pick(search.get('expiry'), EXPIRY),
    sort: pick(search.get('sort'), SORTS) ?? DEFAULT_SORT,
  };
  const open = search.get('open');

  const write = (next: EvidenceQuery, openId: string | null, replace: boolean) => {
    const out = new URLSearchParams();
    if (next.page > 1) out.set('page', String(next.page));
    if (next.q) out.set('q', next.q);
    if (next.reviewStatus) out.set('review', next.reviewStatus);
    if (next.expiry) out.set('expiry', next.expiry);
    if (next.sort !== DEFAULT_SORT) out.set('sort', next.sort);
    if (openId) out.set('open', openId);
    setSearch(out, { replace });
  };

  /** Changing anything but the page starts again from page 1. */
  const update = (changes: Partial<EvidenceQuery>) => write({ ...params, ...(changes.page === undefined ? { page: 1 } : {}), ...changes }, open, changes.q !== undefined);
  const toggleSort = (column: 'title' | 'created_at' | 'expires_on') => update({ sort: params.sort === column ? (`-${column}` as EvidenceSort) : column });
  const hasFilters = Boolean(params.q || params.reviewStatus || params.expiry);
  return {
    params,
    open,
    setOpen: (id: string | null) => write(params, id, false),
    update,
    toggleSort,
    hasFilters,
    clearFilters: () => update({ q: '', reviewStatus: null, expiry: null }),
  };
}
