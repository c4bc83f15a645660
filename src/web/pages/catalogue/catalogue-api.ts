import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { FrameworkItemType } from '../../api/types.ts';

const frameworksKey = ['frameworks'] as const;
/** Shipped catalogues change only with a new version of aims; custom ones only by an import here. */
const STEADY = { staleTime: 10 * 60_000 } as const;
export const SEARCH_PAGE_SIZE = 20;

export function useFrameworks() {
  return useQuery({
    queryKey: [...frameworksKey, 'list'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')).items,
    ...STEADY,
  });
}

/** A framework with all its items, in display order: enough to draw the whole tree at once. */
export function useFramework(frameworkId: string | null) {
  return useQuery({
    queryKey: [...frameworksKey, 'framework', frameworkId],
    queryFn: async () => unwrap(await api.GET('/api/frameworks/{frameworkId}', { params: { path: { frameworkId: frameworkId ?? '' } } })),
    enabled: frameworkId !== null,
    ...STEADY,
  });
}

/** One item with its ancestors, children and crosswalk mappings (the client URL-encodes the id). */
export function useFrameworkItem(frameworkId: string | null, itemId: string | null) {
  return useQuery({
    queryKey: [...frameworksKey, 'item', frameworkId, itemId],
    queryFn: async () =>
      unwrap(await api.GET('/api/frameworks/{frameworkId}/items/{itemId}', { params: { path: { frameworkId: frameworkId ?? '', itemId: itemId ?? '' } } })),
    enabled: frameworkId !== null && itemId !== null,
    ...STEADY,
  });
}

export interface SearchParams {
  q: string;
  framework: string | null;
  type: FrameworkItemType | null;
  assessable: 'true' | 'false' | null;
  page: number;
}

export const MIN_SEARCH_LENGTH = 2;

export function useCatalogueSearch(params: SearchParams) {
  const q = params.q.trim();
  return useQuery({
    queryKey: [...frameworksKey, 'search', { ...params, q }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/frameworks/search', {
          params: {
            query: {
              q,
              limit: SEARCH_PAGE_SIZE,
              offset: (params.page - 1) * SEARCH_PAGE_SIZE,
              ...(params.framework ? { framework: params.framework } : {}),
              ...(params.type ? { type: params.type } : {}),
              ...(params.assessable ? { assessable: params.assessable } : {}),
            },
          },
        }),
      ),
    enabled: q.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    ...STEADY,
  });
}

export type SearchPage = NonNullable<ReturnType<typeof useCatalogueSearch>['data']>;
export type SearchHit = SearchPage['items'][number];

/** A dry run only validates; a real import adds the framework, so every catalogue query is refreshed. */
export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ source, dryRun }: { source: string; dryRun: boolean }) => unwrap(await api.POST('/api/frameworks/import', { body: { source, dryRun } })),
    // Awaited, so that whoever imported finds the new framework in the list straight away.
    onSuccess: async (result) => {
      if (!result.dryRun) await queryClient.invalidateQueries({ queryKey: frameworksKey });
    },
  });
}

export type ImportResult = NonNullable<ReturnType<typeof useImportFramework>['data']>;
