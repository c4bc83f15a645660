import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useLinkEvidence, type Evidence, type ResultLabel } from './evidence-api.ts';

interface Props {
  evidence: Evidence;
  labels: Map<string, ResultLabel>;
  canManage: boolean;
}

/** The assessment results this evidence supports, each a link to the result in its assessment. */
export function LinkedResults({ evidence, labels, canManage }: Props) {
  const unlink = useLinkEvidence();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Linked requirements ({evidence.linkedResults.length})
      </Title>
      <FormAlert error={unlink.error} title="Not unlinked" />
      {evidence.linkedResults.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not linked to any assessment result yet. Attach it from a result of a gap assessment.
        </Text>
      ) : (
        <List listStyleType="none" spacing={6} aria-label="Linked assessment results">
          {evidence.linkedResults.map((resultId) => {
            const label = labels.get(resultId);
            const name = label ? `${label.itemId} ${label.itemTitle}` : `Result ${resultId}`;
            return (
              <List.Item key={resultId}>
                <Group gap="sm" wrap="nowrap" justify="space-between">
                  {label ? (
                    <Anchor component={Link} to={`/assessments/${label.assessmentId}?item=${encodeURIComponent(label.itemId)}`} size="sm">
                      {name}
                    </Anchor>
                  ) : (
                    <Text size="sm">{name}</Text>
                  )}
                  {canManage && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      loading={unlink.isPending && unlink.variables.resultId === resultId}
                      onClick={() => unlink.mutate({ id: evidence.id, resultId, link: false })}
                      aria-label={`Unlink from ${name}`}
                    >
                      Unlink
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
