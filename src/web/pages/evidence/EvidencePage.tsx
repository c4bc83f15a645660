import { Button, EmptyState, Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { AddEvidenceModal } from './AddEvidenceModal.tsx';
import { EVIDENCE_PAGE_SIZE, useEvidencePage } from './evidence-api.ts';
import { EvidenceDrawer } from './EvidenceDrawer.tsx';
import { EvidenceTable } from './EvidenceTable.tsx';
import { EvidenceToolbar } from './EvidenceToolbar.tsx';
import { useEvidenceListParams } from './useEvidenceListParams.ts';
import { useOwnerName } from './useOwnerName.ts';

function EvidenceView({ canManage }: { canManage: boolean }) {
  const list = useEvidenceListParams();
  const page = useEvidencePage(list.params);
  const { ownerName, canReadUsers } = useOwnerName();
  const [adding, setAdding] = useState(false);
  const pages = page.data ? Math.max(1, Math.ceil(page.data.total / EVIDENCE_PAGE_SIZE)) : 1;
  const first = page.data && page.data.total > 0 ? page.data.offset + 1 : 0;
  const last = page.data ? page.data.offset + page.data.items.length : 0;

  return (
    <>
      <PageHeader
        title="Evidence"
        description={
          canManage
            ? 'Files and links that show a requirement is met, with their review, expiry and integrity (SHA-256).'
            : 'Files and links that show a requirement is met (read-only).'
        }
        actions={canManage && <Button onClick={() => setAdding(true)}>Add evidence</Button>}
      />
      <EvidenceToolbar params={list.params} onChange={list.update} hasFilters={list.hasFilters} onClear={list.clearFilters} />
      {page.isPending && <LoadingState label="Loading evidence" />}
      {page.isError && <ErrorState title="Evidence could not be loaded" error={page.error} onRetry={() => void page.refetch()} />}
      {page.isSuccess && page.data.items.length === 0 && (
        <EmptyState
          title={list.hasFilters ? 'No evidence matches these filters' : 'No evidence yet'}
          description={list.hasFilters ? 'Try another search or clear the filters.' : canManage ? 'Add a file or a link that shows a requirement is met.' : undefined}
          py="xl"
        >
          {list.hasFilters && (
            <EmptyState.Actions>
              <Button variant="light" onClick={list.clearFilters}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {page.isSuccess && page.data.items.length > 0 && (
        <div aria-busy={page.isFetching}>
          <EvidenceTable items={page.data.items} sort={list.params.sort} onSort={list.toggleSort} onOpen={(e) => list.setOpen(e.id)} ownerName={ownerName} />
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              Showing {first}–{last} of {page.data.total}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(list.params.page, pages)}
                onChange={(value) => list.update({ page: value })}
                aria-label="Pages of evidence"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            )}
          </Group>
        </div>
      )}
      <EvidenceDrawer id={list.open} onClose={() => list.setOpen(null)} ownerName={ownerName} canReadUsers={canReadUsers} />
      {canManage && <AddEvidenceModal opened={adding} onClose={() => setAdding(false)} onCreated={(e) => list.setOpen(e.id)} />}
    </>
  );
}

export function EvidencePage() {
  const can = useCan();
  if (!can('evidence.read')) {
    return (
      <>
        <PageHeader title="Evidence" />
        <NotAllowed what="see the evidence of this organisation" permission="evidence.read" />
      </>
    );
  }
  return <EvidenceView canManage={can('evidence.manage')} />;
}
