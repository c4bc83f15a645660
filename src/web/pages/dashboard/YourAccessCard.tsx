import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { formatDate } from '../../shared/dates.ts';
import { roleLabel } from '../../shared/roles.ts';
import { useRolesQuery } from '../roles/roles-api.ts';

/** The person's roles and, in words, what the server lets them see and change. */
export function YourAccessCard() {
  const me = useMe();
  const policy = useRolesQuery();
  const describe = new Map(policy.data?.permissions.map((p) => [p.permission, p]) ?? []);
  const roleText = new Map(policy.data?.roles.map((r) => [r.role, r.description]) ?? []);
  const held = me.permissions.map((name) => describe.get(name)).filter((p) => p !== undefined);
  const canChange = held.filter((p) => p.kind === 'write');
  const canSee = held.filter((p) => p.kind === 'read');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="your-access-title">
      <Title order={2} size="h4" id="your-access-title" mb="sm">
        Your roles and what you can do
      </Title>
      <Stack gap="sm" mb="md">
        {me.roles.map((grant) => (
          <div key={grant.role}>
            <Group gap="xs">
              <Badge variant="light" tt="none">{roleLabel(grant.role)}</Badge>
              {grant.expiresAt && <Text size="xs" c="dimmed">until {formatDate(grant.expiresAt)}</Text>}
            </Group>
            {roleText.get(grant.role) && (
              <Text size="sm" c="dimmed" mt={4}>
                {roleText.get(grant.role)}
              </Text>
            )}
          </div>
        ))}
      </Stack>
      {policy.isPending && <LoadingState label="Loading permissions" />}
      {policy.isError && <ErrorState title="Permissions could not be loaded" error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.isSuccess && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text fw={600} size="sm" mb={4}>
              You can change
            </Text>
            {canChange.length === 0 ? (
              <Text size="sm" c="dimmed">Nothing: your access is read-only.</Text>
            ) : (
              <List size="sm" spacing={4}>
                {canChange.map((p) => <List.Item key={p.permission}>{p.description}</List.Item>)}
              </List>
            )}
          </div>
          <div>
            <Text fw={600} size="sm" mb={4}>
              You can see
            </Text>
            <List size="sm" spacing={4}>
              {canSee.map((p) => <List.Item key={p.permission}>{p.description}</List.Item>)}
            </List>
          </div>
        </SimpleGrid>
      )}
    </Card>
  );
}
