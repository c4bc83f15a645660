import { Badge, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { roleLabel } from '../../shared/roles.ts';
import type { RolesPolicy } from './roles-api.ts';

function Cell({ allowed }: { allowed: boolean }) {
  return (
    <Table.Td ta="center" c={allowed ? 'teal.8' : 'gray.5'}>
      <span aria-hidden>{allowed ? '✓' : '·'}</span>
      <VisuallyHidden>{allowed ? 'allowed' : 'not allowed'}</VisuallyHidden>
    </Table.Td>
  );
}

/** Which role holds which permission: the server's policy as a table, one row per permission. */
export function PermissionMatrix({ policy }: { policy: RolesPolicy }) {
  const roles = policy.roles.map((r) => r.role);
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table withTableBorder withColumnBorders striped fz="sm" aria-label="Permission matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Permission</Table.Th>
            {roles.map((role) => (
              <Table.Th key={role} scope="col" ta="center" fz="xs" maw={90}>
                {roleLabel(role)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policy.permissions.map((permission) => (
            <Table.Tr key={permission.permission}>
              <Table.Th scope="row" fw={400} miw={240}>
                <Code>{permission.permission}</Code>{' '}
                <Badge size="xs" variant="light" color={permission.kind === 'write' ? 'orange' : 'blue'}>
                  {permission.kind}
                </Badge>
                <Text size="xs" c="dimmed" mt={2}>
                  {permission.description}
                </Text>
              </Table.Th>
              {roles.map((role) => (
                <Cell key={role} allowed={permission.roles.includes(role)} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
