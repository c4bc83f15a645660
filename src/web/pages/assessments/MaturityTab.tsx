import { Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useMaturity, type MaturityReport } from './assessments-api.ts';
import { score } from './assessment-text.ts';
import { MaturityTrend } from './MaturityTrend.tsx';

type ScoreGroup = MaturityReport['current']['groups'][number];

/** A bar on the 0-5 scale with a tick at the target; a meter for assistive technology. */
function ScoreBar({ group, target }: { group: ScoreGroup; target: number | null }) {
  const share = group.score === null ? 0 : (group.score / 5) * 100;
  const name = `${group.id} ${group.title}`;
  return (
    <div data-testid="maturity-group" data-group-id={group.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" truncate title={name}>
          <b>{group.id}</b> {group.title}
        </Text>
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {score(group.score)}
        </Text>
      </Group>
      <Box
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={5}
        aria-valuenow={group.score ?? 0}
        aria-valuetext={group.score === null ? 'not scored yet' : `${score(group.score)} of 5, ${group.counted} of ${group.items} items rated`}
        pos="relative"
        h={10}
        bg="var(--mantine-color-gray-2)"
        style={{ borderRadius: 5 }}
      >
        <Box h="100%" w={`${share}%`} bg="var(--mantine-color-blue-6)" style={{ borderRadius: 5 }} />
        {target !== null && (
          <Box pos="absolute" top={-3} h={16} w={2} bg="var(--mantine-color-teal-8)" style={{ left: `calc(${(target / 5) * 100}% - 1px)` }} aria-hidden />
        )}
      </Box>
      <Text size="xs" c="dimmed">
        {group.counted} of {group.items} items rated
      </Text>
    </div>
  );
}

export function MaturityTab({ assessmentId }: { assessmentId: string }) {
  const maturity = useMaturity(assessmentId);
  if (maturity.isPending) return <LoadingState label="Scoring the maturity" />;
  if (maturity.isError) return <ErrorState title="The maturity could not be loaded" error={maturity.error} onRetry={() => void maturity.refetch()} />;
  const report = maturity.data;
  const clauses = report.current.groups.filter((g) => !g.id.startsWith('A.'));
  const annex = report.current.groups.filter((g) => g.id.startsWith('A.'));

  return (
    <Stack gap="lg">
      <Text size="sm">
        Overall maturity <b>{score(report.current.overall)}</b> ({report.current.counted} items rated), target <b>{score(report.target)}</b>. Scores are the mean of the
        rated items, not applicable items excluded; the green tick on each bar marks the target.
      </Text>
      <SimpleGrid cols={{ base: 1, md: annex.length > 0 ? 2 : 1 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="maturity-clauses">
          <Title order={2} size="h5" id="maturity-clauses" mb="sm">
            {annex.length > 0 ? 'Clauses' : 'Groups'}
          </Title>
          <Stack gap="sm">
            {clauses.map((g) => (
              <ScoreBar key={g.id} group={g} target={report.target} />
            ))}
          </Stack>
        </Paper>
        {annex.length > 0 && (
          <Paper withBorder p="md" component="section" aria-labelledby="maturity-annex">
            <Title order={2} size="h5" id="maturity-annex" mb="sm">
              Annex A groups
            </Title>
            <Stack gap="sm">
              {annex.map((g) => (
                <ScoreBar key={g.id} group={g} target={report.target} />
              ))}
            </Stack>
          </Paper>
        )}
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="maturity-trend-title">
        <Title order={2} size="h5" id="maturity-trend-title" mb="sm">
          Trend
        </Title>
        {report.history.length === 0 && <Text size="sm" c="dimmed" mb="xs">No snapshot yet: take one on the Snapshots tab to start the history.</Text>}
        <MaturityTrend report={report} />
      </Paper>
    </Stack>
  );
}
