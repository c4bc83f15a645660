import { Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useAssessment, useMaturity, type Assessment } from './assessments-api.ts';
import { score } from './assessment-text.ts';
import { MaturityTab } from './MaturityTab.tsx';
import { PostureTab } from './PostureTab.tsx';
import { ReadinessTab } from './ReadinessTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { SnapshotsTab } from './SnapshotsTab.tsx';
import { TABS, useAssessmentParams, type AssessmentTab } from './useAssessmentParams.ts';

const TAB_LABELS: Record<AssessmentTab, string> = {
  results: 'Results',
  posture: 'Posture',
  maturity: 'Maturity',
  readiness: 'Readiness',
  snapshots: 'Snapshots',
};

/** Where the assessment stands, in the words of the product: "2.8 → target 4.5" and the readiness share. */
function Headline({ assessmentId, target }: { assessmentId: string; target: number | null }) {
  const maturity = useMaturity(assessmentId);
  const overall = maturity.data?.current.overall ?? null;
  const share = maturity.data?.readiness.share ?? null;
  return (
    <Paper withBorder p="md" mb="md" aria-label="Where this assessment stands" component="section" data-testid="assessment-headline">
      <Group gap="xl" wrap="wrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Maturity
          </Text>
          <Text size="xl" fw={700} data-testid="maturity-headline">
            {maturity.isPending ? '…' : `${score(overall)} → target ${score(maturity.data?.target ?? target)}`}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Certification readiness
          </Text>
          <Text size="xl" fw={700} data-testid="readiness-headline">
            {maturity.isPending ? '…' : share === null ? 'Nothing to check' : `${share.toFixed(1)}%`}
          </Text>
          {maturity.data && (
            <Text size="xs" c="dimmed">
              {maturity.data.readiness.met} of {maturity.data.readiness.mandatory} mandatory requirements met
            </Text>
          )}
        </Stack>
      </Group>
      {maturity.isError && (
        <Text size="sm" c="red" mt="xs">
          The maturity could not be loaded.
        </Text>
      )}
    </Paper>
  );
}

function AssessmentView({ assessmentId, canManage }: { assessmentId: string; canManage: boolean }) {
  const detail = useAssessment(assessmentId);
  const nav = useAssessmentParams();
  if (detail.isPending) return <LoadingState label="Loading the assessment" />;
  if (detail.isError) return <ErrorState title="The assessment could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />;
  const assessment: Assessment = detail.data.assessment;

  return (
    <>
      <PageHeader
        title={assessment.name}
        description={
          <Text component="span" inherit>
            Gap assessment against <b>{assessment.frameworkId}</b> · {assessment.progress.assessed} of {assessment.progress.items} items assessed ·{' '}
            <Anchor component={Link} to="/assessments" inherit>
              All assessments
            </Anchor>
          </Text>
        }
        actions={
          !canManage && (
            <Badge color="gray" variant="light" size="lg" tt="none">
              Read-only
            </Badge>
          )
        }
      />
      <Headline assessmentId={assessmentId} target={assessment.targetMaturity} />
      <Tabs value={nav.params.tab} onChange={(value) => value && nav.setTab(value as AssessmentTab)} keepMounted={false}>
        <Tabs.List mb="md" aria-label="Parts of the assessment">
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {TAB_LABELS[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="results">
          <ResultsTab assessment={assessment} results={detail.data.results} nav={nav} canManage={canManage} onReload={() => detail.refetch()} />
        </Tabs.Panel>
        <Tabs.Panel value="posture">
          <PostureTab assessmentId={assessmentId} nav={nav} />
        </Tabs.Panel>
        <Tabs.Panel value="maturity">
          <MaturityTab assessmentId={assessmentId} />
        </Tabs.Panel>
        <Tabs.Panel value="readiness">
          <ReadinessTab assessmentId={assessmentId} />
        </Tabs.Panel>
        <Tabs.Panel value="snapshots">
          <SnapshotsTab assessmentId={assessmentId} nav={nav} canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

export function AssessmentPage() {
  const can = useCan();
  const { assessmentId = '' } = useParams();
  if (!can('assessments.read')) {
    return (
      <>
        <PageHeader title="Gap assessment" />
        <NotAllowed what="see the gap assessments" permission="assessments.read" />
      </>
    );
  }
  return <AssessmentView key={assessmentId} assessmentId={assessmentId} canManage={can('assessments.manage')} />;
}
