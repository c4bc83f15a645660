import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { useSnapshots } from './assessments-api.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { TakeSnapshotModal } from './TakeSnapshotModal.tsx';
import type { AssessmentNav } from './useAssessmentParams.ts';

export function SnapshotsTab({ assessmentId, nav, canManage }: { assessmentId: string; nav: AssessmentNav; canManage: boolean }) {
  const snapshots = useSnapshots(assessmentId);
  const [taking, setTaking] = useState(false);
  if (snapshots.isPending) return <LoadingState label="Loading the snapshots" />;
  if (snapshots.isError) return <ErrorState title="The snapshots could not be loaded" error={snapshots.error} onRetry={() => void snapshots.refetch()} />;
  const items = snapshots.data;
  const options = items.map((s) => ({ value: s.id, label: `${s.label} (${formatDateTime(s.takenAt)})` }));
  const { from, to } = nav.params;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          A snapshot freezes every result as it is, to compare later and to draw the maturity trend.
        </Text>
        {canManage && <Button onClick={() => setTaking(true)}>Take snapshot</Button>}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">No snapshot yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Snapshots" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Label</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Taken</Table.Th>
                <Table.Th scope="col">Items assessed</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Compare</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {s.label}
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={s.kind === 'baseline' ? 'grape' : 'blue'} tt="none">
                      {s.kind === 'baseline' ? 'Baseline' : 'Snapshot'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.takenAt)}</Table.Td>
                  <Table.Td>{s.assessed}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => nav.setComparison(s.id, 'current')} aria-label={`Compare ${s.label} with the current results`}>
                      Compare with current
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="comparison-title">
          <Title order={2} size="h5" id="comparison-title" mb="sm">
            Compare
          </Title>
          <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
            <Select label="From" placeholder="Choose a snapshot" data={options} value={from} onChange={(v) => nav.setComparison(v, to)} w={320} allowDeselect={false} />
            <Select
              label="To"
              data={[{ value: 'current', label: 'Current results' }, ...options]}
              value={to}
              onChange={(v) => nav.setComparison(from, v ?? 'current')}
              allowDeselect={false}
              w={320}
            />
          </Group>
          {from === null ? <Text size="sm" c="dimmed">Choose a snapshot to compare.</Text> : <ComparisonView assessmentId={assessmentId} from={from} to={to} />}
        </Paper>
      )}
      {canManage && <TakeSnapshotModal assessmentId={assessmentId} opened={taking} hasBaseline={items.some((s) => s.kind === 'baseline')} onClose={() => setTaking(false)} />}
    </Stack>
  );
}
