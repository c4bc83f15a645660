import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorCode, isSessionLost } from '../api/errors.ts';
import { FullPageError, FullPageLoader } from '../components/FullPageState.tsx';
import { MeProvider } from './MeContext.tsx';
import { loginPath } from './redirect.ts';
import { fetchMe, meQueryKey } from './session.ts';

/** Renders its children only for a signed-in person; anyone else goes to the login page and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 60_000 });
  if (me.isPending) return <FullPageLoader label="Loading your session" />;
  if (me.isError) {
    if (isSessionLost(me.error)) {
      const reason = errorCode(me.error) === 'session_expired' ? 'expired' : undefined;
      return <Navigate to={loginPath(location.pathname + location.search, reason)} replace />;
    }
    return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <MeProvider me={me.data}>{children}</MeProvider>;
}
