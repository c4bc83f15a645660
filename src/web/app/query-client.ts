import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { isSessionLost } from '../api/errors.ts';
import { meQueryKey } from '../auth/session.ts';

let onSessionLost: () => void = () => {};

/** Set once by the router: what to do when any call finds the session gone. */
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

function isMeQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === meQueryKey[0];
}

export const queryClient = new QueryClient({
  // The "me" query has its own handling in RequireAuth; every other 401 means the session ended.
  queryCache: new QueryCache({ onError: (error, query) => !isMeQuery(query.queryKey) && isSessionLost(error) && onSessionLost() }),
  mutationCache: new MutationCache({ onError: (error) => isSessionLost(error) && onSessionLost() }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network errors and 5xx may.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
