import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import type { LedgerEntry } from '../../api/types.ts';
import { abbreviate } from '../../components/ShortHash.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { changesOf, isPseudonym } from './entry-text.ts';
import type { EntrySort } from './useEntryListParams.ts';

interface EntriesTableProps {
  entries: LedgerEntry[];
  sort: EntrySort;
  openSeq: number | null;
  onOpen: (seq: number) => void;
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function Actor({ actor }: { actor: string }) {
  if (!isPseudonym(actor)) {
    return (
      <Badge variant="light" color="gray" tt="none">
        {actor}
      </Badge>
    );
  }
  return (
    <Code title={actor} style={NO_WRAP}>
      {abbreviate(actor, 12, 4)}
    </Code>
  );
}

/**
 * One row per entry. The sequence number is the link to its details, so the keyboard reaches
 * every entry with Tab; a click anywhere on the row does the same for the mouse.
 */
export function EntriesTable({ entries, sort, openSeq, onOpen }: EntriesTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Audit trail entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" aria-sort={sort === 'seq' ? 'ascending' : 'descending'} style={NO_WRAP}>
              #
            </Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const changes = changesOf(entry);
            return (
              <Table.Tr
                key={entry.seq}
                onClick={() => onOpen(entry.seq)}
                style={{ cursor: 'pointer' }}
                bg={openSeq === entry.seq ? 'var(--mantine-color-indigo-light)' : undefined}
                data-testid={`entry-row-${entry.seq}`}
              >
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    size="sm"
                    aria-label={`Entry ${entry.seq}: ${entry.action}, details`}
                    onClick={(event: React.MouseEvent) => {
                      event.stopPropagation();
                      onOpen(entry.seq);
                    }}
                  >
                    {entry.seq}
                  </Anchor>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <Text size="sm" component="time" dateTime={entry.time}>
                    {formatDateTime(entry.time)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" span>
                    {entry.resourceType}
                  </Text>
                  {entry.resourceId && (
                    <Text size="xs" c="dimmed" title={entry.resourceId} style={NO_WRAP}>
                      {abbreviate(entry.resourceId, 12, 4)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Actor actor={entry.actor} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} c={changes.length === 0 ? 'dimmed' : undefined}>
                    {changes.length === 0 ? '—' : changes.map((c) => c.field).join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
