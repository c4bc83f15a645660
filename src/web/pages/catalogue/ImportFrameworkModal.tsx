import { Alert, Button, Code, FileButton, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { FrameworkSummary } from '../../api/types.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useImportFramework } from './catalogue-api.ts';
import { IMPORT_EXAMPLE, importIssuesOf } from './import-format.ts';
import { ImportIssues } from './ImportIssues.tsx';

interface ImportFrameworkModalProps {
  opened: boolean;
  onClose: () => void;
  onImported: (framework: FrameworkSummary) => void;
}

function ReadyToImport({ framework }: { framework: FrameworkSummary }) {
  return (
    <Alert color="green" title="Ready to import" role="status">
      <Text size="sm">
        <strong>{framework.name}</strong> ({framework.shortName}, version {framework.version}, by {framework.publisher}), id{' '}
        <Code>{framework.id}</Code>: {framework.itemCount} item{framework.itemCount === 1 ? '' : 's'}, {framework.assessableCount} assessable.
      </Text>
      <Text size="sm" mt={4}>
        Nothing has been imported yet.
      </Text>
    </Alert>
  );
}

function FormatHelp() {
  return (
    <Stack gap="xs">
      <Text size="sm">
        A framework of your organisation&apos;s own (an internal standard, a customer&apos;s requirements) in the catalogue format, as YAML or
        JSON, with <Code>kind: custom</Code>. Each item has an <Code>id</Code> (quoted in YAML), a <Code>type</Code> (for example{' '}
        <Code>requirement</Code>), an optional <Code>parent</Code> id, a <Code>title</Code>, a <Code>summary</Code> and <Code>assessable</Code>;
        an assessable item also needs <Code>guidance</Code>, <Code>evidence</Code> and <Code>questions</Code>. For example:
      </Text>
      <Code block data-testid="import-example" style={{ overflowX: 'auto' }}>
        {IMPORT_EXAMPLE}
      </Code>
    </Stack>
  );
}

/**
 * Two steps, like the users' CSV import: "Check" validates the file exactly as an import would and
 * lists every problem with its place in the file; only a file that passed can be imported.
 */
export function ImportFrameworkModal({ opened, onClose, onImported }: ImportFrameworkModalProps) {
  const importFramework = useImportFramework();
  const [source, setSource] = useState('');
  const [checked, setChecked] = useState<FrameworkSummary | null>(null);
  const issues = importIssuesOf(importFramework.error);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The verdict of a check appears below the file: bring it into view.
  useEffect(() => {
    if (importFramework.isSuccess || importFramework.isError) outcomeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [importFramework.isSuccess, importFramework.isError]);

  const close = () => {
    setSource('');
    setChecked(null);
    importFramework.reset();
    onClose();
  };

  const changeSource = (text: string) => {
    setSource(text);
    setChecked(null); // any edit needs a new check
    importFramework.reset();
  };

  const loadFile = async (file: File | null) => {
    if (file) changeSource(await file.text());
  };

  const check = () =>
    importFramework.mutate({ source, dryRun: true }, { onSuccess: (result) => setChecked(result.framework) });

  const runImport = () =>
    importFramework.mutate(
      { source, dryRun: false },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'green', title: 'Framework imported', message: `${result.framework.name} is in the catalogue.` });
          onImported(result.framework);
          close();
        },
        onError: () => setChecked(null),
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Import custom framework" size="72rem">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Group gap="sm">
              <FileButton onChange={(file) => void loadFile(file)} accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml">
                {(props) => (
                  <Button variant="default" {...props}>
                    Choose a YAML or JSON file
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed">
                or paste it below.
              </Text>
            </Group>
            <Textarea
              label="Framework file"
              autosize
              minRows={14}
              maxRows={22}
              value={source}
              onChange={(event) => changeSource(event.currentTarget.value)}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
            />
          </Stack>
          <FormatHelp />
        </SimpleGrid>
        <div ref={outcomeRef}>
          {issues ? <ImportIssues issues={issues} /> : <FormAlert error={importFramework.error} title="The framework was not imported" />}
          {checked && <ReadyToImport framework={checked} />}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button variant={checked ? 'default' : 'filled'} onClick={check} loading={importFramework.isPending && !checked} disabled={!source.trim()}>
            Check
          </Button>
          {checked && (
            <Button onClick={runImport} loading={importFramework.isPending}>
              Import {checked.shortName}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
