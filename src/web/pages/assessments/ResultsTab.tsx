import { Button, EmptyState, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useCan } from '../../auth/MeContext.tsx';
import { useFramework } from '../catalogue/catalogue-api.ts';
import { useActiveUsers, type Assessment, type AssessmentResult } from './assessments-api.ts';
import { ResultDrawer } from './ResultDrawer.tsx';
import { groupResults, matches, topLevelOf } from './results-grouping.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { ResultsToolbar } from './ResultsToolbar.tsx';
import type { AssessmentNav } from './useAssessmentParams.ts';

interface Props {
  assessment: Assessment;
  results: AssessmentResult[];
  nav: AssessmentNav;
  canManage: boolean;
  onReload: () => Promise<unknown>;
}

export function ResultsTab({ assessment, results, nav, canManage, onReload }: Props) {
  const can = useCan();
  const canReadUsers = can('identity.users.read');
  const framework = useFramework(assessment.frameworkId);
  const users = useActiveUsers('', canReadUsers);
  const tops = useMemo(() => topLevelOf(framework.data?.items ?? []), [framework.data]);
  const { filters } = nav.params;
  const shown = results.filter((r) => matches(r, filters));
  const groups = groupResults(shown, tops);
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const ownerName = (id: string) => names.get(id) ?? id;
  const open = nav.params.item === null ? null : (results.find((r) => r.itemId === nav.params.item) ?? null);

  return (
    <>
      <ResultsToolbar filters={filters} hasFilters={nav.hasFilters} onChange={nav.setFilters} onClear={nav.clearFilters} />
      <Text size="sm" c="dimmed" mb="xs" role="status" aria-live="polite">
        Showing {shown.length} of {results.length} items
      </Text>
      {shown.length === 0 ? (
        <EmptyState title="No item matches these filters" description="Try another search or clear the filters." py="xl">
          <EmptyState.Actions>
            <Button variant="light" onClick={nav.clearFilters}>
              Clear filters
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <ResultsTable groups={groups} ownerName={ownerName} openItem={nav.params.item} onOpen={(r) => nav.openItem(r.itemId)} />
      )}
      <ResultDrawer
        assessment={assessment}
        itemId={nav.params.item}
        result={open}
        canManage={canManage}
        canReadUsers={canReadUsers}
        ownerName={ownerName}
        onClose={nav.closeItem}
        onReload={onReload}
      />
    </>
  );
}
