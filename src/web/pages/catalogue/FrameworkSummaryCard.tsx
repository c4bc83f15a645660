import { Badge, Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { FrameworkItem, FrameworkSummary } from '../../api/types.ts';
import { countLabel, KIND_LABELS } from './catalogue-text.ts';
import { typeCounts } from './tree.ts';

/**
 * The framework in the tree: what it is, how big, and its notice on whose words these are
 * (identifiers and short titles come from the source; the rest is aims's own writing).
 */
export function FrameworkSummaryCard({ framework, items }: { framework: FrameworkSummary; items: readonly FrameworkItem[] | undefined }) {
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="framework-title" data-testid="framework-summary">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h4" id="framework-title">
          {framework.name}
        </Title>
        {framework.custom && (
          <Badge variant="light" color="grape" tt="none">
            Your organisation&apos;s own
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {KIND_LABELS[framework.kind]} · {framework.publisher} · version {framework.version}
      </Text>
      <Text size="sm" mt="xs" fw={500}>
        {framework.itemCount} item{framework.itemCount === 1 ? '' : 's'} · {framework.assessableCount} assessable
      </Text>
      {items ? (
        <Text size="sm" c="dimmed" data-testid="framework-type-counts">
          {typeCounts(items)
            .map(({ type, count }) => countLabel(count, type))
            .join(' · ')}
        </Text>
      ) : (
        <Skeleton h={16} w={260} mt={4} />
      )}
      {framework.notice && (
        <Text size="xs" mt="xs" c="dimmed" fs="italic" data-testid="framework-notice">
          {framework.notice}
        </Text>
      )}
    </Paper>
  );
}
