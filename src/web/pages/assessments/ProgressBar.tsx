import { Group, Progress, Text, Tooltip } from '@mantine/core';
import type { Assessment } from './assessments-api.ts';
import { RESULT_COLORS, RESULT_LABELS, RESULT_ORDER } from './assessment-text.ts';

/** How far an assessment got: one bar split by result, with the same numbers in words. */
export function AssessmentProgress({ progress, label }: { progress: Assessment['progress']; label: string }) {
  const total = Math.max(1, progress.items);
  const parts = RESULT_ORDER.map((result) => ({ result, count: progress.byResult[result] ?? 0 })).filter((p) => p.count > 0);
  const words = parts.map((p) => `${p.count} ${RESULT_LABELS[p.result].toLowerCase()}`).join(', ');
  return (
    <div>
      <Progress.Root size="lg" aria-hidden>
        {parts.map((p) => (
          <Tooltip key={p.result} label={`${RESULT_LABELS[p.result]}: ${p.count}`}>
            <Progress.Section value={(p.count / total) * 100} color={RESULT_COLORS[p.result]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap={4} mt={4}>
        <Text size="xs" c="dimmed" aria-label={`${label}: ${progress.assessed} of ${progress.items} assessed${words ? ` (${words})` : ''}`}>
          {progress.assessed} of {progress.items} assessed{words ? ` · ${words}` : ''}
        </Text>
      </Group>
    </div>
  );
}
