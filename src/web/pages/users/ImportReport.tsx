import { Alert, Table, Text } from '@mantine/core';
import type { ImportResult } from './users-api.ts';

/** The result of a dry run or an import: every bad row with the field and the reason. */
export function ImportReport({ result }: { result: ImportResult }) {
  if (!result.dryRun && result.errors.length === 0) {
    return (
      <Alert color="green" title="Imported" role="status">
        {result.created} user{result.created === 1 ? '' : 's'} created.
      </Alert>
    );
  }
  if (result.errors.length === 0) {
    return (
      <Alert color="green" title="Ready to import" role="status">
        All {result.rows} row{result.rows === 1 ? '' : 's'} are valid. Nothing has been created yet.
      </Alert>
    );
  }
  return (
    <Alert color="red" title={`${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} found`} role="alert">
      <Text size="sm" mb="sm">
        {result.valid} of {result.rows} rows are valid. The import is all-or-nothing: fix every row below and check again.
        Nothing has been created.
      </Text>
      <Table.ScrollContainer minWidth={420} mah={280}>
        <Table striped withTableBorder fz="sm" aria-label="Rows with problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((error, index) => (
              <Table.Tr key={`${error.row}:${error.field}:${index}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
