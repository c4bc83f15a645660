import { Button, Code, Collapse, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useLedgerKeys } from './ledger-api.ts';

function KeyLine({ value, label }: { value: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy} aria-label={copied ? `${label} copied` : `Copy ${label}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The keys that check checkpoint signatures, folded away: most people never need them. */
export function PublicKeys() {
  const [opened, toggle] = useDisclosure(false);
  const keys = useLedgerKeys();
  const regionId = useId();
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={toggle.toggle} aria-expanded={opened} aria-controls={regionId} px={0}>
        <span aria-hidden>{opened ? '▾' : '▸'}&nbsp;</span>Public keys
      </Button>
      <Collapse expanded={opened} id={regionId}>
        <Stack gap="xs" mt="xs">
          <Text size="sm" c="dimmed">
            Checkpoints are signed notes (c2sp.org/tlog-checkpoint) with Ed25519 keys. These verifier keys check the signatures; keep a copy
            outside aims so that a checkpoint can be trusted without trusting this server.
          </Text>
          {keys.isPending && <LoadingState label="Loading the public keys" />}
          {keys.isError && <ErrorState title="The public keys could not be loaded" error={keys.error} onRetry={() => void keys.refetch()} />}
          {keys.isSuccess && (
            <>
              <Text size="sm" fw={500}>
                Log origin
              </Text>
              <KeyLine value={keys.data.origin} label="log origin" />
              <Text size="sm" fw={500}>
                Verifier key{keys.data.verifierKeys.length === 1 ? '' : 's'}
              </Text>
              {keys.data.verifierKeys.length === 0 && <Text size="sm">No signing key has been published yet.</Text>}
              {keys.data.verifierKeys.map((key, index) => (
                <KeyLine key={key} value={key} label={`verifier key ${index + 1}`} />
              ))}
            </>
          )}
        </Stack>
      </Collapse>
    </div>
  );
}
