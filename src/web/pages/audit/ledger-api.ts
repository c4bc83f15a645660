import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import type { LedgerCheckpoint, LedgerEntry } from '../../api/types.ts';
import { startOfDayIso, startOfNextDayIso } from '../../shared/dates.ts';
import type { EntryListParams } from './useEntryListParams.ts';

export const ENTRIES_PAGE_SIZE = 25;
const ledgerKey = ['ledger'] as const;
/** The log grows with every change anywhere in aims: whenever the page is shown, ask again. */
const GROWING = { staleTime: 0 } as const;

/** One page of entries, filtered and paged by the server. */
export function useEntriesPage(params: EntryListParams) {
  return useQuery({
    queryKey: [...ledgerKey, 'entries', params.page, params.sort, params.filters],
    queryFn: async () => {
      const { action, actor, resourceType, resourceId, from, to } = params.filters;
      const fromIso = from ? startOfDayIso(from) : null;
      const toIso = to ? startOfNextDayIso(to) : null;
      return unwrap(
        await api.GET('/api/ledger/entries', {
          params: {
            query: {
              limit: ENTRIES_PAGE_SIZE,
              offset: (params.page - 1) * ENTRIES_PAGE_SIZE,
              sort: params.sort,
              ...(action ? { action } : {}),
              ...(actor ? { actor } : {}),
              ...(resourceType ? { resourceType } : {}),
              ...(resourceId ? { resourceId } : {}),
              ...(fromIso ? { from: fromIso } : {}),
              ...(toIso ? { to: toIso } : {}),
            },
          },
        }),
      );
    },
    placeholderData: keepPreviousData,
    ...GROWING,
  });
}

/** The size of the whole log: one row asked for, the server's total read. */
export function useEntryCount() {
  return useQuery({
    queryKey: [...ledgerKey, 'count'],
    queryFn: async () => unwrap(await api.GET('/api/ledger/entries', { params: { query: { limit: 1 } } })).total,
    ...GROWING,
  });
}

/** An entry opened from the list arrives with it; one opened from a link is fetched. */
export function useEntry(seq: number | null, fromList: LedgerEntry | undefined) {
  return useQuery({
    queryKey: [...ledgerKey, 'entry', seq],
    queryFn: async () => unwrap(await api.GET('/api/ledger/entries/{seq}', { params: { path: { seq: seq ?? 0 } } })),
    enabled: seq !== null,
    ...(fromList ? { initialData: fromList } : {}),
    staleTime: Infinity, // an entry never changes: that is the point of the log
  });
}

/** The latest signed checkpoint, or null before the first one (the server answers 404). */
export function useLatestCheckpoint() {
  return useQuery({
    queryKey: [...ledgerKey, 'checkpoint'],
    queryFn: async (): Promise<LedgerCheckpoint | null> => {
      try {
        return unwrap(await api.GET('/api/ledger/checkpoints/latest'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    ...GROWING,
  });
}

/** The log's origin and the public keys of its checkpoints; they change only with a new key. */
export const ledgerKeysQuery = queryOptions({
  queryKey: [...ledgerKey, 'keys'],
  queryFn: async () => unwrap(await api.GET('/api/ledger/keys')),
  staleTime: 10 * 60_000,
});

export function useLedgerKeys() {
  return useQuery(ledgerKeysQuery);
}

export type LedgerKeys = NonNullable<ReturnType<typeof useLedgerKeys>['data']>;

/** Verification reads the whole log, so it runs only when someone asks. */
export function useVerification() {
  return useMutation({ mutationFn: async () => unwrap(await api.GET('/api/ledger/verification')) });
}

export type Verification = NonNullable<ReturnType<typeof useVerification>['data']>;

export function useSignCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/ledger/checkpoints')),
    onSuccess: (checkpoint) => queryClient.setQueryData([...ledgerKey, 'checkpoint'], checkpoint),
  });
}

export async function fetchInclusionProof(seq: number) {
  return unwrap(await api.GET('/api/ledger/proofs/inclusion', { params: { query: { seq } } }));
}

export type InclusionProof = Awaited<ReturnType<typeof fetchInclusionProof>>;

/** Where the browser downloads the JSON Lines export; the session cookie goes with the link. */
export const EXPORT_URL = '/api/ledger/export';
