import { Table } from '@mantine/core';
import type { AssessmentResult } from './assessments-api.ts';
import { maturityLabel, RESULT_LABELS, WORKFLOW_LABELS } from './assessment-text.ts';

/** The result for people who may read but not change it: plain text, no inputs. */
export function ResultReadOnly({ result, ownerName }: { result: AssessmentResult; ownerName: (id: string) => string }) {
  const rows: Array<[string, string]> = [
    ['Workflow status', WORKFLOW_LABELS[result.workflowStatus]],
    ['Result', result.result ? RESULT_LABELS[result.result] : 'Not assessed'],
    ['Justification', result.justification ?? '–'],
    ['Maturity', maturityLabel(result.maturity)],
    ['Owner', result.ownerId ? ownerName(result.ownerId) : '–'],
    ['Due date', result.dueDate ?? '–'],
    ['Notes', result.notes ?? '–'],
  ];
  return (
    <Table variant="vertical" aria-label="Recorded result" data-testid="result-read-only">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150}>{label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
