import { useCan, useMe } from '../../auth/MeContext.tsx';
import { useActiveUsers } from '../assessments/assessments-api.ts';

/**
 * Names owners for people who may see the organisation's people; the others see "You" for
 * themselves and "Another person" otherwise, never a raw id dressed up as a name.
 */
export function useOwnerName() {
  const me = useMe();
  const canReadUsers = useCan()('identity.users.read');
  const users = useActiveUsers('', canReadUsers);
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const ownerName = (id: string | null): string => {
    if (!id) return '—';
    if (id === me.user.id) return names.get(id) ?? `${me.user.name} (you)`;
    return names.get(id) ?? (canReadUsers ? id : 'Another person');
  };
  return { ownerName, canReadUsers };
}
