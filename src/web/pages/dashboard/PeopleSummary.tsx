import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../components/QueryState.tsx';

/** Real counts only: one row requested, the server's total read. */
async function countUsers(status?: 'active' | 'deactivated'): Promise<number> {
  const page = unwrap(await api.GET('/api/users', { params: { query: { limit: 1, ...(status ? { status } : {}) } } }));
  return page.total;
}

function Figure({ label, value, loading }: { label: string; value: number | undefined; loading: boolean }) {
  return (
    <Stack gap={0}>
      {loading ? <Skeleton h={32} w={48} /> : <Text fz={28} fw={700}>{value ?? '—'}</Text>}
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** Shown only to people who may read the user list. */
export function PeopleSummary() {
  const counts = useQuery({
    queryKey: ['users', 'counts'],
    queryFn: async () => {
      const [all, active] = await Promise.all([countUsers(), countUsers('active')]);
      return { all, active, deactivated: all - active };
    },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="people-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="people-title">
          People
        </Title>
        <Anchor component={Link} to="/admin/users" size="sm">
          Open users
        </Anchor>
      </Group>
      {counts.isError ? (
        <ErrorState title="Counts could not be loaded" error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <Group gap="xl" aria-busy={counts.isPending}>
          <Figure label="users" value={counts.data?.all} loading={counts.isPending} />
          <Figure label="active" value={counts.data?.active} loading={counts.isPending} />
          <Figure label="deactivated" value={counts.data?.deactivated} loading={counts.isPending} />
        </Group>
      )}
    </Card>
  );
}
