import { Badge, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { User } from '../../api/types.ts';
import { formatDate } from '../../shared/dates.ts';
import { roleLabel } from '../../shared/roles.ts';
import type { SortableColumn, UserSort } from './useUserListParams.ts';
import { UserRowActions, type UserAction } from './UserRowActions.tsx';

interface UsersTableProps {
  users: User[];
  sort: UserSort;
  onSort: (column: SortableColumn) => void;
  /** Absent when the person may not change users: the column disappears. */
  onAction?: ((action: UserAction, user: User) => void) | undefined;
}

// A badge clips its text (overflow: hidden), so a squeezed table column would cut it to "act…".
const NO_SHRINK = { minWidth: 'max-content' } as const;

function SortableHeader({ column, label, sort, onSort }: { column: SortableColumn; label: string; sort: UserSort; onSort: (c: SortableColumn) => void }) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <Table.Th scope="col" aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {label}
        <span aria-hidden> {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

function RoleBadges({ user }: { user: User }) {
  return (
    <Stack gap={4} align="flex-start">
      {user.roles.map((grant) => (
        <div key={grant.role}>
          <Badge variant="light" color={grant.expired ? 'gray' : 'indigo'} tt="none" style={NO_SHRINK}>
            {roleLabel(grant.role)}
          </Badge>
          {grant.expiresAt && (
            <Text size="xs" c={grant.expired ? 'red.7' : 'dimmed'} ml={4} span>
              {grant.expired ? 'expired' : 'until'} {formatDate(grant.expiresAt)}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

export function UsersTable({ users, sort, onSort, onAction }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="name" label="Name" sort={sort} onSort={onSort} />
            <SortableHeader column="email" label="Email" sort={sort} onSort={onSort} />
            <Table.Th scope="col">Department</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <SortableHeader column="status" label="Status" sort={sort} onSort={onSort} />
            <SortableHeader column="created_at" label="Created" sort={sort} onSort={onSort} />
            {onAction && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
                {!user.hasPassword && (
                  <Text size="xs" c="dimmed">
                    no password yet
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{user.department ?? '—'}</Table.Td>
              <Table.Td miw={200}>
                <RoleBadges user={user} />
              </Table.Td>
              <Table.Td>
                <Badge color={user.status === 'active' ? 'green' : 'gray'} variant="dot" tt="none" style={NO_SHRINK}>
                  {user.status}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(user.createdAt)}</Table.Td>
              {onAction && (
                <Table.Td>
                  <UserRowActions user={user} onAction={onAction} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
