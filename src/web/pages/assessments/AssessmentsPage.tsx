import { Anchor, Badge, Button, EmptyState, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { formatDate } from '../../shared/dates.ts';
import { useAssessments, type Assessment } from './assessments-api.ts';
import { score } from './assessment-text.ts';
import { NewAssessmentModal } from './NewAssessmentModal.tsx';
import { AssessmentProgress } from './ProgressBar.tsx';

const TITLE = 'Gap assessments';

function Description() {
  return (
    <Text component="span" inherit>
      Assess the organisation item by item against a framework, and follow maturity and certification readiness. Part of{' '}
      <Anchor component={Link} to="/gap-assessment" inherit>
        Gap assessment &amp; SoA
      </Anchor>
      ; the Statement of Applicability is not available yet.
    </Text>
  );
}

function AssessmentsTable({ items }: { items: Assessment[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Gap assessments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Assessment</Table.Th>
            <Table.Th scope="col">Framework</Table.Th>
            <Table.Th scope="col" w="38%">
              Progress
            </Table.Th>
            <Table.Th scope="col">Target</Table.Th>
            <Table.Th scope="col">Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/assessments/${encodeURIComponent(a.id)}`} fw={500}>
                  {a.name}
                </Anchor>
                {a.status === 'archived' && (
                  <Badge ml="xs" size="xs" color="gray" variant="light">
                    Archived
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{a.frameworkId}</Table.Td>
              <Table.Td>
                <AssessmentProgress progress={a.progress} label={`Progress of ${a.name}`} />
              </Table.Td>
              <Table.Td>{score(a.targetMaturity)}</Table.Td>
              <Table.Td>{formatDate(a.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AssessmentsList({ canManage }: { canManage: boolean }) {
  const list = useAssessments();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={TITLE} description={<Description />} actions={canManage && <Button onClick={() => setCreating(true)}>New assessment</Button>} />
      {list.isPending && <LoadingState label="Loading the assessments" />}
      {list.isError && <ErrorState title="The assessments could not be loaded" error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.length === 0 && (
        <EmptyState title="No gap assessment yet" description={canManage ? 'Start one against ISO/IEC 42001.' : undefined} py="xl" />
      )}
      {list.isSuccess && list.data.length > 0 && <AssessmentsTable items={list.data} />}
      {canManage && <NewAssessmentModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

export function AssessmentsPage() {
  const can = useCan();
  if (!can('assessments.read')) {
    return (
      <>
        <PageHeader title={TITLE} />
        <NotAllowed what="see the gap assessments" permission="assessments.read" />
      </>
    );
  }
  return <AssessmentsList canManage={can('assessments.manage')} />;
}
