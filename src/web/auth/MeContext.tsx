import { createContext, use, type ReactNode } from 'react';
import type { Me } from '../api/types.ts';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>;
}

/** The signed-in person; only pages behind RequireAuth may call it. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useMe() is used outside RequireAuth');
  return me;
}

/**
 * Whether the server granted a permission, to hide or disable actions. It never replaces the
 * server's check: a refused call still shows the server's message.
 */
export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}
