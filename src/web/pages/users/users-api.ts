import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { RoleGrantInput, User } from '../../api/types.ts';
import type { UserListParams } from './useUserListParams.ts';

export const USERS_PAGE_SIZE = 20;
const usersKey = ['users'] as const;

export function useUsersPage(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/users', {
          params: {
            query: {
              limit: USERS_PAGE_SIZE,
              offset: (params.page - 1) * USERS_PAGE_SIZE,
              sort: params.sort,
              ...(params.q ? { q: params.q } : {}),
              ...(params.status ? { status: params.status } : {}),
              ...(params.role ? { role: params.role } : {}),
            },
          },
        }),
      ),
    // Keep the previous page on screen while the next one loads, instead of flashing a loader.
    placeholderData: keepPreviousData,
  });
}

export async function fetchUser(id: string): Promise<User> {
  return unwrap(await api.GET('/api/users/{id}', { params: { path: { id } } }));
}

/** Every change to a user refreshes the lists and counts that may show them. */
function useUserMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}

export interface NewUser {
  email: string;
  name: string;
  department: string | null;
  roles: RoleGrantInput[];
  password?: string;
}

export function useCreateUser() {
  return useUserMutation(async (body: NewUser) => unwrap(await api.POST('/api/users', { body })));
}

export interface UserChanges {
  id: string;
  version: number;
  name: string;
  department: string | null;
  roles: RoleGrantInput[];
}

export function useUpdateUser() {
  return useUserMutation(async ({ id, ...body }: UserChanges) => unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body })));
}

export function useSetUserStatus() {
  return useUserMutation(async ({ user, active }: { user: User; active: boolean }) => {
    const options = { params: { path: { id: user.id } }, body: { version: user.version } };
    return unwrap(active ? await api.POST('/api/users/{id}/reactivate', options) : await api.POST('/api/users/{id}/deactivate', options));
  });
}

export function useSetPassword() {
  return useUserMutation(async ({ id, password }: { id: string; password?: string }) =>
    unwrap(await api.POST('/api/users/{id}/password', { params: { path: { id } }, body: password ? { password } : {} })),
  );
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  valid: number;
  created: number;
  errors: Array<{ row: number; field: string; message: string }>;
}

/**
 * A 422 from the import is not a failure of the call: its body is the same report, listing the
 * bad rows, so it is returned rather than thrown.
 */
export function useImportUsers() {
  return useUserMutation(async ({ csv, dryRun }: { csv: string; dryRun: boolean }): Promise<ImportResult> => {
    const result = await api.POST('/api/users/import', { body: { csv, dryRun } });
    if (result.response.status === 422 && result.error && 'rows' in result.error) return result.error as ImportResult;
    return unwrap(result);
  });
}
