import { Button, EmptyState, Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../../api/types.ts';
import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ImportUsersModal } from './ImportUsersModal.tsx';
import { PasswordModal } from './PasswordModal.tsx';
import { StatusChangeModal } from './StatusChangeModal.tsx';
import type { UserAction } from './UserRowActions.tsx';
import { useUserListParams } from './useUserListParams.ts';
import { USERS_PAGE_SIZE, useUsersPage } from './users-api.ts';
import { UsersTable } from './UsersTable.tsx';
import { UsersToolbar } from './UsersToolbar.tsx';

type OpenDialog = { kind: 'create' } | { kind: 'import' } | { kind: UserAction; user: User } | null;

function UsersList({ canManage, onAction }: { canManage: boolean; onAction: (action: UserAction, user: User) => void }) {
  const list = useUserListParams();
  const page = useUsersPage(list.params);
  const pages = page.data ? Math.max(1, Math.ceil(page.data.total / USERS_PAGE_SIZE)) : 1;
  const first = page.data && page.data.total > 0 ? page.data.offset + 1 : 0;
  const last = page.data ? page.data.offset + page.data.items.length : 0;

  return (
    <>
      <UsersToolbar params={list.params} onChange={list.update} hasFilters={list.hasFilters} onClear={list.clearFilters} />
      {page.isPending && <LoadingState label="Loading users" />}
      {page.isError && <ErrorState title="Users could not be loaded" error={page.error} onRetry={() => void page.refetch()} />}
      {page.isSuccess && page.data.items.length === 0 && (
        <EmptyState
          title={list.hasFilters ? 'No user matches these filters' : 'No users yet'}
          description={list.hasFilters ? 'Try another search or clear the filters.' : canManage ? 'Create the first user or import a CSV file.' : undefined}
          py="xl"
        >
          {list.hasFilters && (
            <EmptyState.Actions>
              <Button variant="light" onClick={list.clearFilters}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {page.isSuccess && page.data.items.length > 0 && (
        <div aria-busy={page.isFetching}>
          <UsersTable users={page.data.items} sort={list.params.sort} onSort={list.toggleSort} onAction={canManage ? onAction : undefined} />
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              Showing {first}–{last} of {page.data.total}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(list.params.page, pages)}
                onChange={(value) => list.update({ page: value })}
                aria-label="Pages of users"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            )}
          </Group>
        </div>
      )}
    </>
  );
}

export function UsersPage() {
  const can = useCan();
  const canManage = can('identity.users.manage');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const userOf = (kind: UserAction) => (dialog && dialog.kind === kind && 'user' in dialog ? dialog.user : null);

  if (!can('identity.users.read')) {
    return (
      <>
        <PageHeader title="Users" />
        <NotAllowed what="see the users of this organisation" permission="identity.users.read" />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Users"
        description={canManage ? 'The people of your organisation, their roles and access.' : 'The people of your organisation and their roles (read-only).'}
        actions={
          canManage && (
            <>
              <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
                Import CSV
              </Button>
              <Button onClick={() => setDialog({ kind: 'create' })}>New user</Button>
            </>
          )
        }
      />
      <UsersList canManage={canManage} onAction={(kind, user) => setDialog({ kind, user })} />
      {canManage && (
        <>
          <CreateUserModal opened={dialog?.kind === 'create'} onClose={close} />
          <ImportUsersModal opened={dialog?.kind === 'import'} onClose={close} />
          <EditUserModal user={userOf('edit')} onClose={close} />
          <PasswordModal user={userOf('password')} onClose={close} />
          <StatusChangeModal user={userOf('status')} onClose={close} />
        </>
      )}
    </>
  );
}
