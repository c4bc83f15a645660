import { Alert, Code, Table, Text } from '@mantine/core';
import type { ImportIssue } from './import-format.ts';

/** Every problem the server found in the file, each with where it is and why it is refused. */
export function ImportIssues({ issues }: { issues: readonly ImportIssue[] }) {
  return (
    <Alert color="red" title={`${issues.length} problem${issues.length === 1 ? '' : 's'} found`} role="alert">
      <Text size="sm" mb="sm">
        Nothing has been imported. Fix every problem below and check again.
      </Text>
      <Table.ScrollContainer minWidth={420} mah={260}>
        <Table striped withTableBorder fz="sm" aria-label="Problems in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, index) => (
              <Table.Tr key={`${issue.path}:${issue.line ?? ''}:${index}`}>
                <Table.Td>{issue.path ? <Code>{issue.path}</Code> : 'the file as a whole'}</Table.Td>
                <Table.Td>{issue.line ?? '—'}</Table.Td>
                <Table.Td>{issue.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
