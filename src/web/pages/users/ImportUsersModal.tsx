import { Button, Code, FileButton, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ImportReport } from './ImportReport.tsx';
import { useImportUsers, type ImportResult } from './users-api.ts';

const EXAMPLE = 'email,name,department,roles,expires_at\nana@example.com,Ana Lima,Risk,risk_manager;employee,\naudit@firm.example,Ola Audit,External,external_auditor,2030-01-31T00:00:00Z';

/**
 * Two steps: a dry run lists every bad row without creating anything; only a clean file can then
 * be imported, and the server imports it all or nothing.
 */
export function ImportUsersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importUsers = useImportUsers();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportResult | null>(null);
  const checkedClean = report?.dryRun === true && report.errors.length === 0 && report.valid > 0;
  const done = report?.dryRun === false && report.errors.length === 0;

  const close = () => {
    setCsv('');
    setReport(null);
    importUsers.reset();
    onClose();
  };

  const changeCsv = (text: string) => {
    setCsv(text);
    setReport(null); // any edit needs a new check
  };

  const run = (dryRun: boolean) =>
    importUsers.mutate(
      { csv, dryRun },
      {
        onSuccess: (result) => {
          setReport(result);
          if (!dryRun && result.errors.length === 0) {
            notifications.show({ color: 'green', title: 'Users imported', message: `${result.created} users created.` });
          }
        },
      },
    );

  const loadFile = async (file: File | null) => {
    if (file) changeCsv(await file.text());
  };

  return (
    <Modal opened={opened} onClose={close} title="Import users from CSV" size="xl">
      <Stack gap="md">
        <Text size="sm">
          The first line names the columns <Code>email,name,department,roles</Code> and optionally <Code>expires_at</Code>{' '}
          (required for external auditors). Separate several roles with <Code>;</Code>.
        </Text>
        <Group gap="sm">
          <FileButton onChange={(file) => void loadFile(file)} accept=".csv,text/csv">
            {(props) => (
              <Button variant="default" {...props} disabled={done}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            or paste it below.
          </Text>
        </Group>
        <Textarea
          label="CSV content"
          placeholder={EXAMPLE}
          autosize
          minRows={6}
          maxRows={14}
          value={csv}
          onChange={(e) => changeCsv(e.currentTarget.value)}
          readOnly={done}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
        />
        <FormAlert error={importUsers.error} title="The file could not be processed" />
        {report && <ImportReport result={report} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {done ? 'Close' : 'Cancel'}
          </Button>
          {!done && (
            <Button variant={checkedClean ? 'default' : 'filled'} onClick={() => run(true)} loading={importUsers.isPending && !checkedClean} disabled={!csv.trim()}>
              Check file
            </Button>
          )}
          {checkedClean && (
            <Button onClick={() => run(false)} loading={importUsers.isPending}>
              Import {report.valid} user{report.valid === 1 ? '' : 's'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
