import { Button, Card, Code, Divider, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../components/QueryState.tsx';
import { ShortHash } from '../../components/ShortHash.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { EXPORT_URL, useEntryCount, useLatestCheckpoint, useVerification } from './ledger-api.ts';
import { PublicKeys } from './PublicKeys.tsx';
import { SignCheckpointButton } from './SignCheckpointButton.tsx';
import { VerificationVerdict } from './VerificationVerdict.tsx';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function EntryCount() {
  const count = useEntryCount();
  if (count.isPending) return <Skeleton h={32} w={64} />;
  if (count.isError) return <Text size="sm" c="red.8">Could not be counted</Text>;
  return (
    <Text fz={28} fw={700} lh={1.1} data-testid="entry-count">
      {count.data.toLocaleString()}
    </Text>
  );
}

function LatestCheckpoint({ canSign }: { canSign: boolean }) {
  const checkpoint = useLatestCheckpoint();
  const count = useEntryCount();
  if (checkpoint.isPending) return <Skeleton h={48} w={220} />;
  if (checkpoint.isError) return <ErrorState title="The latest checkpoint could not be loaded" error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />;
  if (checkpoint.data === null) {
    return (
      <Text size="sm">
        None signed yet.{' '}
        {canSign ? 'Sign one to fix the current state of the log.' : 'aims signs one automatically as the log grows.'}
      </Text>
    );
  }
  const cp = checkpoint.data;
  const behind = count.data !== undefined ? count.data - cp.treeSize : 0;
  return (
    <Stack gap={4} data-testid="latest-checkpoint">
      <Text size="sm">
        <Text span fw={700} fz="lg">
          size {cp.treeSize.toLocaleString()}
        </Text>{' '}
        · signed {formatDateTime(cp.createdAt)}
      </Text>
      <Group gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          Root hash
        </Text>
        <ShortHash value={cp.rootHash} label="root hash of the latest checkpoint" head={16} tail={6} />
      </Group>
      {behind > 0 && (
        <Text size="xs" c="dimmed">
          {behind} newer entr{behind === 1 ? 'y is' : 'ies are'} not covered by a checkpoint yet.
        </Text>
      )}
    </Stack>
  );
}

/**
 * The state of the log at a glance and what can be done with it: verify it now, sign a
 * checkpoint, take the export away to check it elsewhere.
 */
export function LogStatusCard({ canSign }: { canSign: boolean }) {
  const verification = useVerification();
  const verify = () => verification.mutate();

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="log-status-title" mb="lg">
      <Title order={2} size="h4" id="log-status-title" mb="md">
        Log status
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mb="md">
        <Figure label="Entries">
          <EntryCount />
        </Figure>
        <Figure label="Latest checkpoint">
          <LatestCheckpoint canSign={canSign} />
        </Figure>
      </SimpleGrid>
      <Group gap="sm" mb="xs">
        <Button onClick={verify} loading={verification.isPending}>
          Verify now
        </Button>
        {canSign && <SignCheckpointButton />}
        <Button component="a" href={EXPORT_URL} download variant="default">
          Download export
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="md">
        The export is a JSON Lines file of every entry and checkpoint; <Code>aims ledger verify --file &lt;file&gt;</Code> checks it offline,
        without this server.
      </Text>
      <div aria-live="polite">
        {verification.isSuccess && <VerificationVerdict result={verification.data} checkedAt={verification.submittedAt} />}
        {verification.isError && <ErrorState title="The log could not be verified" error={verification.error} onRetry={verify} />}
      </div>
      <Divider my="md" />
      <PublicKeys />
    </Card>
  );
}
