import { Alert, Anchor, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useMaturity, type Blocker } from './assessments-api.ts';
import { REASON_LABELS } from './assessment-text.ts';

const REASONS = ['not_met', 'missing_documented_information', 'not_assessed'] as const;

function BlockerGroup({ reason, blockers }: { reason: Blocker['reason']; blockers: Blocker[] }) {
  const id = `blockers-${reason}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {REASON_LABELS[reason]} ({blockers.length})
      </Title>
      <List size="sm" spacing={4}>
        {blockers.map((b) => (
          <List.Item key={b.itemId}>
            <Anchor component={Link} to={{ search: `?item=${encodeURIComponent(b.itemId)}` }} size="sm">
              <b>{b.itemId}</b> {b.title}
            </Anchor>
            {b.documentedInformation && (
              <Text size="xs" c="dimmed">
                Documented information: {b.documentedInformation}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** How close certification is: the share of mandatory requirements met and what still blocks it. */
export function ReadinessTab({ assessmentId }: { assessmentId: string }) {
  const maturity = useMaturity(assessmentId);
  if (maturity.isPending) return <LoadingState label="Checking the readiness" />;
  if (maturity.isError) return <ErrorState title="The readiness could not be loaded" error={maturity.error} onRetry={() => void maturity.refetch()} />;
  const { readiness } = maturity.data;
  const share = readiness.share ?? 0;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" mb={4} id="readiness-share">
          <b>{readiness.share === null ? 'No mandatory requirement to check' : `${share.toFixed(1)}%`}</b> of mandatory requirements met ({readiness.met} of{' '}
          {readiness.mandatory})
        </Text>
        <Progress value={share} size="lg" color={share >= 100 ? 'teal' : 'blue'} aria-labelledby="readiness-share" />
      </div>
      {readiness.blockers.length === 0 ? (
        <Alert color="teal" title="Nothing blocks certification in what aims checks">
          Every mandatory requirement is met with its documented information.
        </Alert>
      ) : (
        <>
          <Title order={2} size="h4">
            What still blocks certification ({readiness.blockers.length})
          </Title>
          {REASONS.map((reason) => {
            const blockers = readiness.blockers.filter((b) => b.reason === reason);
            return blockers.length > 0 ? <BlockerGroup key={reason} reason={reason} blockers={blockers} /> : null;
          })}
        </>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="readiness-checks-title" data-testid="readiness-checks">
        <Title order={3} size="h5" id="readiness-checks-title" mb="xs">
          Other conditions for certification
        </Title>
        <List size="sm" spacing={6}>
          {readiness.checks.map((c) => (
            <List.Item key={c.check} data-testid={`check-${c.check}`} data-ok={c.ok}>
              <Text size="sm" c={c.ok ? 'teal.8' : 'red.8'} span fw={600}>
                {c.ok ? 'Met: ' : 'Blocks certification: '}
              </Text>
              <Text size="sm" span>
                {c.message}
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
