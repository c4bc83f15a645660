import { Code, Table, Text } from '@mantine/core';
import { abbreviate } from '../../components/ShortHash.tsx';
import type { LedgerEventView } from './entry-text.ts';

function Digest({ value }: { value: string | null }) {
  if (value === null) {
    return (
      <Text size="xs" c="dimmed" span>
        none
      </Text>
    );
  }
  return (
    <Code title={value} style={{ whiteSpace: 'nowrap' }}>
      {abbreviate(value, 14, 6)}
    </Code>
  );
}

/** Field by field, the keyed digests of the old and new values ("none": not set before, or cleared). */
export function EntryChanges({ changes }: { changes: NonNullable<LedgerEventView['changes']> }) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This entry records no field changes.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder verticalSpacing={6} fz="sm" aria-label="Changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Field</Table.Th>
            <Table.Th scope="col">Old value digest</Table.Th>
            <Table.Th scope="col">New value digest</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change, index) => (
            <Table.Tr key={`${change.field}:${index}`}>
              <Table.Td>{change.field}</Table.Td>
              <Table.Td>
                <Digest value={change.old} />
              </Table.Td>
              <Table.Td>
                <Digest value={change.new} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
