import { useSearchParams } from 'react-router';
import type { Role, UserStatus } from '../../api/types.ts';
import { ALL_ROLES } from '../../shared/roles.ts';

export const USER_SORTS = ['name', '-name', 'email', '-email', 'created_at', '-created_at', 'status', '-status'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export type SortableColumn = 'name' | 'email' | 'created_at' | 'status';

export interface UserListParams {
  page: number;
  q: string;
  status: UserStatus | null;
  role: Role | null;
  sort: UserSort;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * The list's page, search, filters and sort live in the address bar, so a filtered view can be
 * bookmarked or shared and the browser's back button undoes a filter.
 */
export function useUserListParams() {
  const [search, setSearch] = useSearchParams();
  const params: UserListParams = {
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
    q: search.get('q') ?? '',
    status: pick(search.get('status'), ['active', 'deactivated'] as const),
    role: pick(search.get('role'), ALL_ROLES),
    sort: pick(search.get('sort'), USER_SORTS) ?? 'name',
  };

  /** Changing anything but the page starts again from page 1. */
  const update = (changes: Partial<UserListParams>) => {
    const next = { ...params, ...(changes.page === undefined ? { page: 1 } : {}), ...changes };
    const out = new URLSearchParams();
    if (next.page > 1) out.set('page', String(next.page));
    if (next.q) out.set('q', next.q);
    if (next.status) out.set('status', next.status);
    if (next.role) out.set('role', next.role);
    if (next.sort !== 'name') out.set('sort', next.sort);
    setSearch(out, { replace: changes.q !== undefined });
  };

  const toggleSort = (column: SortableColumn) => update({ sort: params.sort === column ? (`-${column}` as UserSort) : column });
  const hasFilters = Boolean(params.q || params.status || params.role);
  return { params, update, toggleSort, hasFilters, clearFilters: () => update({ q: '', status: null, role: null }) };
}
