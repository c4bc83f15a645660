import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useFrameworkItem } from '../catalogue/catalogue-api.ts';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h6" mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** What the item asks, so the assessor judges against the requirement rather than from memory. */
export function ItemRequirement({ frameworkId, itemId }: { frameworkId: string; itemId: string }) {
  const detail = useFrameworkItem(frameworkId, itemId);
  if (detail.isPending) return <LoadingState label="Loading what the item asks" />;
  if (detail.isError) return <ErrorState title="The item's text could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />;
  const { item } = detail.data;
  return (
    <Stack gap="sm" data-testid="item-requirement">
      {item.mandatoryDocumentedInformation && (
        <Alert color="orange" variant="light" title="Mandatory documented information" p="xs">
          {item.mandatoryDocumentedInformation}
        </Alert>
      )}
      <Part title="Requirement">
        <Text size="sm">{item.summary}</Text>
      </Part>
      {item.guidance && (
        <Part title="Guidance">
          <Text size="sm">{item.guidance}</Text>
        </Part>
      )}
      {item.evidence.length > 0 && (
        <Part title="Typical evidence">
          <List size="sm" spacing={2}>
            {item.evidence.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Part>
      )}
      {item.questions.length > 0 && (
        <Part title="Auditor questions">
          <List size="sm" spacing={2} type="ordered">
            {item.questions.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Part>
      )}
    </Stack>
  );
}
