import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { roleLabel } from '../../shared/roles.ts';
import { PermissionMatrix } from './PermissionMatrix.tsx';
import { useRolesQuery } from './roles-api.ts';

export function RolesPage() {
  const policy = useRolesQuery();
  return (
    <>
      <PageHeader
        title="Roles & permissions"
        description="What each role may do. The server enforces this policy on every request; a person can hold several roles."
      />
      {policy.isPending && <LoadingState label="Loading roles" />}
      {policy.isError && <ErrorState title="Roles could not be loaded" error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.isSuccess && (
        <Stack gap="xl">
          <section aria-labelledby="roles-title">
            <Title order={2} size="h3" id="roles-title" mb="sm">
              Roles
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {policy.data.roles.map((role) => (
                <Card key={role.role} withBorder padding="md">
                  <Title order={3} size="h5">
                    {roleLabel(role.role)}
                  </Title>
                  <Text size="sm" mt={4}>
                    {role.description}
                  </Text>
                  <Text size="xs" c="dimmed" mt="xs">
                    {role.permissions.length} permission{role.permissions.length === 1 ? '' : 's'}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          </section>
          <section aria-labelledby="matrix-title">
            <Title order={2} size="h3" id="matrix-title" mb="sm">
              Permission matrix
            </Title>
            <PermissionMatrix policy={policy.data} />
          </section>
        </Stack>
      )}
    </>
  );
}
