import { Badge, Text } from '@mantine/core';
import type { AssessmentResult } from './assessments-api.ts';
import { RESULT_COLORS, RESULT_LABELS, WORKFLOW_LABELS } from './assessment-text.ts';

export function ResultBadge({ result }: { result: AssessmentResult['result'] | undefined }) {
  if (!result) {
    return (
      <Text size="sm" c="dimmed">
        Not assessed
      </Text>
    );
  }
  return (
    <Badge color={RESULT_COLORS[result]} variant="light" tt="none">
      {RESULT_LABELS[result]}
    </Badge>
  );
}

export function WorkflowBadge({ status }: { status: AssessmentResult['workflowStatus'] }) {
  const color = status === 'done' ? 'teal' : status === 'in_review' ? 'blue' : status === 'in_progress' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="dot" tt="none">
      {WORKFLOW_LABELS[status]}
    </Badge>
  );
}
