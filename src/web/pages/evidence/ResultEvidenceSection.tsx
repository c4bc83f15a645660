import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../auth/MeContext.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { AddEvidenceModal } from './AddEvidenceModal.tsx';
import { useEvidenceSearch, useLinkEvidence, useResultEvidence, type Evidence } from './evidence-api.ts';
import { ExpiryBadge, ReviewBadge } from './EvidenceBadges.tsx';
import { DownloadButton, DownloadError } from './FileVersions.tsx';

interface Props {
  resultId: string;
  /** "4.1 Understanding the organization", for the labels of the controls. */
  resultLabel: string;
}

function AttachExisting({ resultId, resultLabel, linked }: Props & { linked: Evidence[] }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<string | null>(null);
  const found = useEvidenceSearch(q, true);
  const link = useLinkEvidence();
  const linkedIds = new Set(linked.map((e) => e.id));
  const options = (found.data ?? []).filter((e) => !linkedIds.has(e.id)).map((e) => ({ value: e.id, label: e.title }));
  const attach = () => {
    if (!chosen) return;
    link.mutate(
      { id: chosen, resultId, link: true },
      {
        onSuccess: (saved) => {
          setChosen(null);
          setSearch('');
          notifications.show({ color: 'green', title: 'Evidence attached', message: `${saved.title} now supports ${resultLabel}.` });
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <FormAlert error={link.error} title="Not attached" />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Attach existing evidence"
          placeholder="Search by title"
          data={options}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={found.isFetching ? 'Searching…' : 'No other evidence matches'}
          comboboxProps={{ withinPortal: true }}
          style={{ flex: '1 1 16rem' }}
        />
        <Button variant="light" onClick={attach} disabled={!chosen} loading={link.isPending}>
          Attach
        </Button>
      </Group>
    </Stack>
  );
}

/** The evidence behind one assessment result, in the result editor; read-only without `evidence.manage`. */
export function ResultEvidenceSection({ resultId, resultLabel }: Props) {
  const can = useCan();
  const canManage = can('evidence.manage');
  const evidence = useResultEvidence(resultId);
  const unlink = useLinkEvidence();
  const [adding, setAdding] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  if (!can('evidence.read')) return null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="result-evidence-title" data-testid="result-evidence">
      <Group justify="space-between">
        <Title order={3} size="h5" id="result-evidence-title">
          Evidence
        </Title>
        {canManage && (
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            Add new evidence
          </Button>
        )}
      </Group>
      <DownloadError error={downloadError} />
      <FormAlert error={unlink.error} title="Not unlinked" />
      {evidence.isPending && <LoadingState label="Loading the evidence" />}
      {evidence.isError && <ErrorState title="The evidence could not be loaded" error={evidence.error} onRetry={() => void evidence.refetch()} />}
      {evidence.isSuccess && evidence.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No evidence supports this result yet.
        </Text>
      )}
      {evidence.isSuccess && evidence.data.length > 0 && (
        <Stack gap="xs" component="ul" aria-label={`Evidence of ${resultLabel}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {evidence.data.map((e) => (
            <li key={e.id} data-evidence-id={e.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={2} style={{ flex: '1 1 12rem', minWidth: 0 }}>
                  <Anchor component={Link} to={`/evidence?open=${encodeURIComponent(e.id)}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {e.title}
                  </Anchor>
                  <Group gap={4}>
                    <ReviewBadge status={e.reviewStatus} />
                    <ExpiryBadge evidence={e} />
                  </Group>
                </Stack>
                <Group gap={4}>
                  {e.currentFile && <DownloadButton evidence={e} file={e.currentFile} onError={setDownloadError} />}
                  {e.kind === 'link' && e.url && (
                    <Button component="a" href={e.url} target="_blank" rel="noopener noreferrer" size="compact-sm" variant="light">
                      Open link
                    </Button>
                  )}
                  {e.kind === 'file' && !e.currentFile && (
                    <Text size="xs" c="orange.8">
                      No file yet
                    </Text>
                  )}
                  {canManage && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => unlink.mutate({ id: e.id, resultId, link: false })} aria-label={`Unlink ${e.title}`}>
                      Unlink
                    </Button>
                  )}
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {canManage && evidence.isSuccess && <AttachExisting resultId={resultId} resultLabel={resultLabel} linked={evidence.data} />}
      {canManage && <AddEvidenceModal opened={adding} onClose={() => setAdding(false)} resultId={resultId} resultLabel={resultLabel} />}
    </Stack>
  );
}
