import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

/** The roles and the permission policy; it changes only with a new server version. */
export function useRolesQuery() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: async () => unwrap(await api.GET('/api/roles')),
    staleTime: 10 * 60_000,
  });
}

export type RolesPolicy = NonNullable<ReturnType<typeof useRolesQuery>['data']>;
