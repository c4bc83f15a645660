import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import type { AssessmentResult } from './assessments-api.ts';
import { maturityLabel } from './assessment-text.ts';
import { ResultBadge, WorkflowBadge } from './ResultBadges.tsx';
import type { ResultGroup } from './results-grouping.ts';

interface Props {
  groups: ResultGroup[];
  ownerName: (id: string) => string;
  openItem: string | null;
  onOpen: (result: AssessmentResult) => void;
}

/** One table, one body per clause or Annex A group; each item opens its result in the editor. */
export function ResultsTable({ groups, ownerName, openItem, onOpen }: Props) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Workflow</Table.Th>
            <Table.Th scope="col" miw={190}>Result</Table.Th>
            <Table.Th scope="col">Maturity</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {groups.map((group) => (
          <Table.Tbody key={group.id} data-testid="result-group">
            <Table.Tr bg="var(--mantine-color-gray-0)">
              <Table.Th scope="colgroup" colSpan={6}>
                {group.id} {group.title}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  ({group.results.length})
                </Text>
              </Table.Th>
            </Table.Tr>
            {group.results.map((r) => (
              <Table.Tr
                key={r.id}
                data-item-id={r.itemId}
                aria-current={openItem === r.itemId ? 'true' : undefined}
                onClick={() => onOpen(r)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Th scope="row" fw={400}>
                  <Anchor component="button" type="button" size="sm" ta="left" onClick={(e) => { e.stopPropagation(); onOpen(r); }}>
                    <Text span fw={700} size="sm">
                      {r.itemId}
                    </Text>{' '}
                    {r.itemTitle}
                  </Anchor>
                  {r.mandatoryDocumentedInformation && (
                    <Tooltip label={`Mandatory documented information: ${r.mandatoryDocumentedInformation}`} multiline w={280}>
                      <Text span size="xs" c="orange.8" ml={6} aria-label="Needs mandatory documented information">
                        [DI]
                      </Text>
                    </Tooltip>
                  )}
                </Table.Th>
                <Table.Td>
                  <WorkflowBadge status={r.workflowStatus} />
                </Table.Td>
                <Table.Td>
                  <ResultBadge result={r.result} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.maturity === null ? '–' : maturityLabel(r.maturity)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.ownerId ? ownerName(r.ownerId) : '–'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.dueDate ?? '–'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
