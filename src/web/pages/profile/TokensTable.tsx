import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import type { ApiToken } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../shared/dates.ts';

const STATUS_COLORS: Record<ApiToken['status'], string> = { active: 'green', expired: 'gray', revoked: 'red' };

function scopesText(scopes: string[]): string {
  if (scopes.includes('*')) return 'All my permissions';
  if (scopes.length === 1 && scopes[0] === 'read') return 'Read only';
  return scopes.join(', ');
}

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke?: ((token: ApiToken) => void) | undefined }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label="Your API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Scopes</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            {onRevoke && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
                <Code fz="xs">{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[token.status]} variant="light" tt="none" style={{ minWidth: 'max-content' }}>
                  {token.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" maw={260} style={{ wordBreak: 'break-word' }}>
                  {scopesText(token.scopes)}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(token.createdAt)}</Table.Td>
              <Table.Td>{token.revokedAt ? `revoked ${formatDate(token.revokedAt)}` : formatDate(token.expiresAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</Table.Td>
              {onRevoke && (
                <Table.Td>
                  <Group gap="xs">
                    {token.status === 'active' && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                        Revoke
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
