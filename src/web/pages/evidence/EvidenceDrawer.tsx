import { Anchor, Button, Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useCan } from '../../auth/MeContext.tsx';
import { LoadingState, ErrorState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { useEvidence, useResultLabels } from './evidence-api.ts';
import { ExpiryBadge, ReviewBadge } from './EvidenceBadges.tsx';
import { EvidenceEditForm } from './EvidenceEditForm.tsx';
import { FileVersions } from './FileVersions.tsx';
import { LinkedResults } from './LinkedResults.tsx';
import { ReviewActions } from './ReviewActions.tsx';

interface Props {
  id: string | null;
  onClose: () => void;
  ownerName: (id: string | null) => string;
  canReadUsers: boolean;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function EvidenceDrawer({ id, onClose, ownerName, canReadUsers }: Props) {
  const can = useCan();
  const canManage = can('evidence.manage');
  const canReview = can('evidence.review');
  const smallScreen = useMediaQuery('(max-width: 48em)');
  const evidence = useEvidence(id);
  const labels = useResultLabels(id !== null && can('assessments.read'));
  const [editing, setEditing] = useState(false);
  const [reloads, setReloads] = useState(0);
  const data = evidence.data;

  const close = () => {
    setEditing(false);
    onClose();
  };

  return (
    <Drawer
      opened={id !== null}
      onClose={close}
      position="right"
      size={smallScreen ? '100%' : 'xl'}
      title={data?.title ?? 'Evidence'}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {evidence.isPending && id !== null && <LoadingState label="Loading the evidence" />}
      {evidence.isError && <ErrorState title="The evidence could not be loaded" error={evidence.error} onRetry={() => void evidence.refetch()} />}
      {data && (
        <Stack gap="md" data-testid="evidence-detail">
          <Group gap="xs">
            <ReviewBadge status={data.reviewStatus} />
            <ExpiryBadge evidence={data} />
          </Group>
          <ReviewActions evidence={data} canManage={canManage} canReview={canReview} />
          {editing ? (
            <EvidenceEditForm
              key={`${data.id}:${reloads}`}
              evidence={data}
              canReadUsers={canReadUsers}
              ownerName={(ownerId) => ownerName(ownerId)}
              onDone={() => setEditing(false)}
              onReload={async () => {
                await evidence.refetch();
                setReloads((n) => n + 1);
              }}
            />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label="Kind">{data.kind === 'file' ? 'File' : 'Link'}</Field>
                <Field label="Owner">{ownerName(data.ownerId)}</Field>
                <Field label="Expires on">{data.expiresOn ?? 'Does not expire'}</Field>
                <Field label="Updated">{formatDateTime(data.updatedAt)}</Field>
              </SimpleGrid>
              {data.url && (
                <Field label="Address">
                  <Anchor href={data.url} target="_blank" rel="noopener noreferrer">
                    {data.url}
                  </Anchor>
                </Field>
              )}
              <Field label="Description">{data.description ?? '—'}</Field>
              {canManage && (
                <Button variant="default" onClick={() => setEditing(true)} w="fit-content">
                  Edit details
                </Button>
              )}
            </>
          )}
          {data.kind === 'file' && (
            <>
              <Divider />
              <FileVersions evidence={data} canManage={canManage} />
            </>
          )}
          <Divider />
          <LinkedResults evidence={data} labels={labels} canManage={canManage} />
        </Stack>
      )}
    </Drawer>
  );
}
