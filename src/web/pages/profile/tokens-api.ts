import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

const tokensKey = ['tokens'] as const;
/** A person has a handful of tokens; the first hundred, newest first, is the whole story. */
export const TOKENS_SHOWN = 100;

export function useTokensQuery() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => unwrap(await api.GET('/api/tokens', { params: { query: { limit: TOKENS_SHOWN, sort: '-created_at' } } })),
  });
}

export interface NewToken {
  name: string;
  scopes: string[];
  expiresInDays: number;
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewToken) => unwrap(await api.POST('/api/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
