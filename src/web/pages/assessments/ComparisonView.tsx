import { Badge, Group, Table, Text } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useComparison } from './assessments-api.ts';
import { FIELD_LABELS, fieldValue } from './assessment-text.ts';

/** What changed between two moments: counts first, then every changed field of every item. */
export function ComparisonView({ assessmentId, from, to }: { assessmentId: string; from: string; to: string }) {
  const comparison = useComparison(assessmentId, from, to);
  if (comparison.isPending) return <LoadingState label="Comparing" />;
  if (comparison.isError) return <ErrorState title="The comparison could not be made" error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const { summary, changes } = comparison.data;
  return (
    <div data-testid="comparison">
      <Text size="sm" mb="xs">
        From <b>{comparison.data.from.label}</b> to <b>{comparison.data.to.label}</b>
      </Text>
      <Group gap="xs" mb="sm" role="status" aria-live="polite" data-testid="comparison-summary">
        <Badge color="teal" variant="light" tt="none">{summary.improved} improved</Badge>
        <Badge color="red" variant="light" tt="none">{summary.worsened} worsened</Badge>
        <Badge color="gray" variant="light" tt="none">{summary.changed} changed</Badge>
      </Group>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">Nothing changed.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Changes" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Item</Table.Th>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.flatMap((change) =>
                change.fields.map((f, i) => (
                  <Table.Tr key={`${change.itemId}:${f.field}`} data-item-id={change.itemId}>
                    {i === 0 && (
                      <Table.Th scope="rowgroup" rowSpan={change.fields.length} fw={400} style={{ verticalAlign: 'top' }}>
                        <b>{change.itemId}</b> {change.itemTitle}
                      </Table.Th>
                    )}
                    <Table.Td>{FIELD_LABELS[f.field] ?? f.field}</Table.Td>
                    <Table.Td>{fieldValue(f.field, f.from)}</Table.Td>
                    <Table.Td>{fieldValue(f.field, f.to)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
