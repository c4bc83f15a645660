import { Anchor, Badge, Button, Group, List, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { usePosture, type PostureFramework, type PostureItem } from './assessments-api.ts';
import { POSTURE_FRAMEWORKS, RELATIONSHIP_LABELS, resultLabel } from './assessment-text.ts';
import { ResultBadge } from './ResultBadges.tsx';
import type { AssessmentNav } from './useAssessmentParams.ts';

function Contributions({ item }: { item: PostureItem }) {
  if (item.contributions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No assessed item maps to this one, so nothing can be derived.
      </Text>
    );
  }
  return (
    <List size="sm" spacing={4} aria-label={`Where the result of ${item.itemId} comes from`}>
      {item.contributions.map((c) => (
        <List.Item key={`${c.sourceItem}:${c.relationship}`} data-testid="contribution">
          <Anchor component={Link} to={{ search: `?item=${encodeURIComponent(c.sourceItem)}` }} size="sm">
            ISO 42001 {c.sourceItem}
          </Anchor>{' '}
          is {resultLabel(c.sourceResult).toLowerCase()}; mapping {RELATIONSHIP_LABELS[c.relationship].toLowerCase()} ({c.strength}) →{' '}
          <b>{c.contributes ? `passes ${resultLabel(c.contributes).toLowerCase()}` : 'passes nothing'}</b>
        </List.Item>
      ))}
    </List>
  );
}

function PostureRow({ item }: { item: PostureItem }) {
  const [open, setOpen] = useState(false);
  const panelId = `posture-${item.itemId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <Fragment>
      <Table.Tr data-item-id={item.itemId}>
        <Table.Th scope="row" fw={400}>
          <Text span fw={700} size="sm">
            {item.itemId}
          </Text>{' '}
          {item.itemTitle}
        </Table.Th>
        <Table.Td>{item.result ? <ResultBadge result={item.result} /> : <Text size="sm" c="dimmed">Not derived</Text>}</Table.Td>
        <Table.Td>
          <Button size="compact-sm" variant="subtle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Where this comes from'} ({item.contributions.length})
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={panelId}>
          <Table.Td colSpan={3} pl="xl" bg="var(--mantine-color-gray-0)">
            <Contributions item={item} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** The ISO/IEC 42001 results seen through the crosswalk to another framework, each with its sources. */
export function PostureTab({ assessmentId, nav }: { assessmentId: string; nav: AssessmentNav }) {
  const framework = nav.params.framework;
  const posture = usePosture(assessmentId, framework);
  const [derivedOnly, setDerivedOnly] = useState(true);
  const label = POSTURE_FRAMEWORKS.find((f) => f.value === framework)?.label ?? framework;
  const items = (posture.data?.items ?? []).filter((i) => i.assessable && (!derivedOnly || i.result !== null));
  const summary = posture.data?.summary ?? {};

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="posture-framework-label">
            Framework
          </Text>
          <SegmentedControl
            aria-labelledby="posture-framework-label"
            value={framework}
            onChange={(v) => nav.setFramework(v as PostureFramework)}
            data={POSTURE_FRAMEWORKS.map((f) => ({ value: f.value, label: f.label }))}
          />
        </Stack>
        <SegmentedControl
          aria-label="Which items to show"
          value={derivedOnly ? 'derived' : 'all'}
          onChange={(v) => setDerivedOnly(v === 'derived')}
          data={[
            { value: 'derived', label: 'With a derived result' },
            { value: 'all', label: 'All assessable items' },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed">
        How it is derived: an <i>equal</i> mapping passes the ISO/IEC 42001 result through; a partial one (subset, superset, intersects) passes
        at most partially compliant; not applicable or unassessed items pass nothing; when several items map, the weakest wins.
      </Text>
      {posture.isPending && <LoadingState label={`Deriving the ${label} posture`} />}
      {posture.isError && <ErrorState title="The posture could not be derived" error={posture.error} onRetry={() => void posture.refetch()} />}
      {posture.data && (
        <>
          <Group gap="xs" role="status" aria-live="polite" data-testid="posture-summary">
            <Badge color="teal" variant="light" tt="none">{summary.compliant ?? 0} compliant</Badge>
            <Badge color="yellow" variant="light" tt="none">{summary.partially_compliant ?? 0} partially compliant</Badge>
            <Badge color="red" variant="light" tt="none">{summary.non_compliant ?? 0} non-compliant</Badge>
            <Badge color="gray" variant="light" tt="none">{summary.not_derived ?? 0} not derived</Badge>
          </Group>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs" aria-label={`${label} posture`} aria-busy={posture.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{label} item</Table.Th>
                  <Table.Th scope="col" miw={190}>Derived result</Table.Th>
                  <Table.Th scope="col">Sources</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <PostureRow key={`${framework}:${item.itemId}`} item={item} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {items.length === 0 && <Text c="dimmed">No {label} item has a derived result yet.</Text>}
        </>
      )}
    </Stack>
  );
}
