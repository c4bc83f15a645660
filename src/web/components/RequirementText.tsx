import { Alert, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FrameworkItem } from '../api/types.ts';

export function TextPart({ title, size = 'h5', children }: { title: string; size?: 'h5' | 'h6'; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size={size} mb={6}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * What a framework item asks, in the same words wherever it is shown (the catalogue and the
 * assessment editor): mandatory documented information, requirement, guidance, typical evidence
 * and the questions an auditor asks.
 */
export function RequirementText({ item, summaryTitle, size = 'h5' }: { item: FrameworkItem; summaryTitle: string; size?: 'h5' | 'h6' }) {
  return (
    <>
      {item.mandatoryDocumentedInformation && (
        <Alert color="orange" variant="light" title="Mandatory documented information" data-testid="mandatory-documented-information">
          {item.mandatoryDocumentedInformation}
        </Alert>
      )}
      <TextPart title={summaryTitle} size={size}>
        <Text size="sm">{item.summary}</Text>
      </TextPart>
      {item.guidance && (
        <TextPart title="Guidance" size={size}>
          <Text size="sm">{item.guidance}</Text>
        </TextPart>
      )}
      {item.evidence.length > 0 && (
        <TextPart title="Typical evidence" size={size}>
          <List size="sm" spacing={4}>
            {item.evidence.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </TextPart>
      )}
      {item.questions.length > 0 && (
        <TextPart title="Auditor questions" size={size}>
          <List size="sm" spacing={4} type="ordered">
            {item.questions.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </TextPart>
      )}
    </>
  );
}
