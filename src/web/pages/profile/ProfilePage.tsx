import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMe } from '../../auth/MeContext.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../shared/dates.ts';
import { roleLabel } from '../../shared/roles.ts';
import { TokensSection } from './TokensSection.tsx';

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export function ProfilePage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Your profile" description="Who you are in aims, your roles and your API tokens." />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
            <Title order={2} size="h4" id="details-title" mb="sm">
              Details
            </Title>
            <Table variant="vertical" withRowBorders={false} aria-labelledby="details-title">
              <Table.Tbody>
                <Detail label="Name">{me.user.name}</Detail>
                <Detail label="Email">{me.user.email}</Detail>
                <Detail label="Organisation">{me.organisation.name}</Detail>
                <Detail label="Signed in with">{me.authMethod === 'session' ? 'a browser session' : 'an API token'}</Detail>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="roles-title">
            <Title order={2} size="h4" id="roles-title" mb="sm">
              Your roles
            </Title>
            <Stack gap="xs">
              {me.roles.map((grant) => (
                <Group key={grant.role} gap="sm">
                  <Badge variant="light" tt="none">
                    {roleLabel(grant.role)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {grant.expiresAt ? `until ${formatDate(grant.expiresAt)}` : 'no end date'}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Text size="xs" c="dimmed" mt="md">
              Only an administrator can change your roles.
            </Text>
          </Card>
        </SimpleGrid>
        <TokensSection />
      </Stack>
    </>
  );
}
