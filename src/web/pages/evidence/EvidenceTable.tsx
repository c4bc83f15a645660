import { Anchor, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { ShortHash } from '../../components/ShortHash.tsx';
import type { Evidence, EvidenceSort } from './evidence-api.ts';
import { formatSize } from './evidence-text.ts';
import { ExpiryBadge, ReviewBadge } from './EvidenceBadges.tsx';

type Column = 'title' | 'created_at' | 'expires_on';

interface Props {
  items: Evidence[];
  sort: EvidenceSort;
  onSort: (column: Column) => void;
  onOpen: (evidence: Evidence) => void;
  ownerName: (id: string | null) => string;
}

function SortableHeader({ column, label, sort, onSort }: { column: Column; label: string; sort: EvidenceSort; onSort: (c: Column) => void }) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <Table.Th scope="col" aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {label}
        <span aria-hidden> {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function EvidenceTable({ items, sort, onSort, onOpen, ownerName }: Props) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Evidence">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="title" label="Title" sort={sort} onSort={onSort} />
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Current file</Table.Th>
            <Table.Th scope="col">Review</Table.Th>
            <SortableHeader column="expires_on" label="Expiry" sort={sort} onSort={onSort} />
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Requirements</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-evidence-id={e.id}>
              <Table.Td maw={280}>
                <UnstyledButton onClick={() => onOpen(e)} aria-label={`Open ${e.title}`}>
                  <Text size="sm" fw={600} c="blue.8" style={{ overflowWrap: 'anywhere' }}>
                    {e.title}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{e.kind === 'file' ? 'File' : 'Link'}</Table.Td>
              <Table.Td>
                {e.kind === 'link' && e.url && (
                  <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {e.url}
                  </Anchor>
                )}
                {e.kind === 'file' && !e.currentFile && (
                  <Text size="sm" c="orange.8">
                    No file uploaded
                  </Text>
                )}
                {e.currentFile && (
                  <Stack gap={2}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {e.currentFile.fileName} <Text span size="xs" c="dimmed">(v{e.currentFile.fileVersion}, {formatSize(e.currentFile.size)})</Text>
                    </Text>
                    <ShortHash value={e.currentFile.sha256} label={`SHA-256 of ${e.currentFile.fileName}`} />
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <ReviewBadge status={e.reviewStatus} />
              </Table.Td>
              <Table.Td>
                <ExpiryBadge evidence={e} />
              </Table.Td>
              <Table.Td>{ownerName(e.ownerId)}</Table.Td>
              <Table.Td ta="center">{e.linkedResults.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
