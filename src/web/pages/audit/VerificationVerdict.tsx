import { Alert, Text } from '@mantine/core';
import { formatDateTime } from '../../shared/dates.ts';
import type { Verification } from './ledger-api.ts';

function where(problem: NonNullable<Verification['problem']>): string {
  if (problem.seq !== null) return `entry ${problem.seq}`;
  if (problem.treeSize !== null) return `the checkpoint at size ${problem.treeSize}`;
  return 'the log';
}

/** The server's verdict on the whole log, in plain words: intact, or where and how it is not. */
export function VerificationVerdict({ result, checkedAt }: { result: Verification; checkedAt: number }) {
  const checkpoints = `${result.checkpointsVerified} signed checkpoint${result.checkpointsVerified === 1 ? '' : 's'}`;
  if (result.ok) {
    return (
      <Alert color="green" variant="light" title="The log is intact" role="status" data-testid="verification-verdict">
        <Text size="sm">
          intact: {result.entries} entries, {checkpoints} verified.
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          Every entry was rehashed, the tree rebuilt to root <code>{result.rootHash.slice(0, 16)}…</code> and every checkpoint signature
          checked, at {formatDateTime(new Date(checkedAt).toISOString())}.
        </Text>
      </Alert>
    );
  }
  const problem = result.problem;
  return (
    <Alert color="red" variant="light" title="The log is NOT intact" role="alert" data-testid="verification-verdict">
      <Text size="sm" fw={600}>
        {problem ? `${problem.kind} at ${where(problem)}` : 'Verification failed'}
      </Text>
      {problem && <Text size="sm">{problem.message}</Text>}
      <Text size="xs" mt={4}>
        Checked {result.entries} entries and {checkpoints} at {formatDateTime(new Date(checkedAt).toISOString())}. Keep the export and your
        own copy of the latest checkpoint, and tell the compliance officer.
      </Text>
    </Alert>
  );
}
