import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CrosswalkMapping } from '../../api/types.ts';
import { BASIS_LABELS, relationshipFromHere, RELATIONSHIP_LABELS, STRENGTH_COLOURS, STRENGTH_LABELS } from './catalogue-text.ts';

interface MappingListProps {
  itemId: string;
  mappings: readonly CrosswalkMapping[];
  /** The address of a mapped item, which switches the tree to its framework. */
  itemSearch: (frameworkId: string, itemId: string) => string;
}

function groupByFramework(mappings: readonly CrosswalkMapping[]) {
  const groups = new Map<string, { name: string; mappings: CrosswalkMapping[] }>();
  for (const mapping of mappings) {
    const group = groups.get(mapping.frameworkId);
    if (group) group.mappings.push(mapping);
    else groups.set(mapping.frameworkId, { name: mapping.frameworkName, mappings: [mapping] });
  }
  return [...groups].map(([frameworkId, group]) => ({ frameworkId, ...group }));
}

function Mapping({ itemId, mapping, href }: { itemId: string; mapping: CrosswalkMapping; href: string }) {
  const relationship = RELATIONSHIP_LABELS[relationshipFromHere(mapping)];
  return (
    <Paper component="li" withBorder p="sm" data-testid="crosswalk-mapping">
      <Anchor component={Link} to={{ search: href }} fw={600} size="sm">
        {mapping.itemId} {mapping.itemTitle}
      </Anchor>
      <Group gap={6} mt={6} mb={6}>
        <Badge size="sm" variant="light" tt="none">
          {relationship.label}
        </Badge>
        <Badge size="sm" variant="light" color={STRENGTH_COLOURS[mapping.strength]} tt="none">
          {STRENGTH_LABELS[mapping.strength]}
        </Badge>
        <Badge size="sm" variant="outline" color="gray" tt="none">
          Basis: {BASIS_LABELS[mapping.basis]}
        </Badge>
      </Group>
      <Text size="sm" fw={500}>
        {itemId} {relationship.explain} {mapping.frameworkName} {mapping.itemId}.
      </Text>
      <Text size="sm" c="dimmed" mt={4}>
        {mapping.rationale}
      </Text>
    </Paper>
  );
}

/**
 * Where the item meets the other frameworks, grouped by framework. The relationship is read from
 * this item's side; every link opens the mapped item in its own framework.
 */
export function MappingList({ itemId, mappings, itemSearch }: MappingListProps) {
  if (mappings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No crosswalk mapping links this item to another framework.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {groupByFramework(mappings).map((group) => (
        <section key={group.frameworkId} aria-label={`Mappings to ${group.name}`}>
          <Title order={4} size="h6" mb={6}>
            {group.name}{' '}
            <Text span size="xs" c="dimmed" fw={400}>
              ({group.mappings.length} mapping{group.mappings.length === 1 ? '' : 's'})
            </Text>
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {group.mappings.map((mapping) => (
              <Mapping key={`${mapping.direction}:${mapping.itemId}`} itemId={itemId} mapping={mapping} href={itemSearch(mapping.frameworkId, mapping.itemId)} />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
