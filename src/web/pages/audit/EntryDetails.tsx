import { Button, Code, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import type { LedgerEntry } from '../../api/types.ts';
import { changesOf, eventOf } from './entry-text.ts';
import { EntryChanges } from './EntryChanges.tsx';
import { EntryFields } from './EntryFields.tsx';
import { InclusionProofSection } from './InclusionProofSection.tsx';
import type { EntryFilters } from './useEntryListParams.ts';

function RawEvent({ entry }: { entry: LedgerEntry }) {
  const [opened, toggle] = useDisclosure(false);
  const regionId = useId();
  return (
    <div>
      <Button variant="subtle" size="compact-sm" px={0} onClick={toggle.toggle} aria-expanded={opened} aria-controls={regionId}>
        <span aria-hidden>{opened ? '▾' : '▸'}&nbsp;</span>The event as hashed (JSON)
      </Button>
      <Collapse expanded={opened} id={regionId}>
        <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(entry.event, null, 2)}
        </Code>
      </Collapse>
    </div>
  );
}

interface EntryDetailsProps {
  entry: LedgerEntry;
  canSign: boolean;
  onFilter: (filters: Partial<EntryFilters>) => void;
}

/** Everything one entry says, what it cannot say by design, and the proof that it is in the log. */
export function EntryDetails({ entry, canSign, onFilter }: EntryDetailsProps) {
  const privateFields = Object.entries(eventOf(entry).private ?? {});
  return (
    <Stack gap="lg">
      <EntryFields entry={entry} />
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => onFilter({ actor: entry.actor })}>
          Entries by this actor
        </Button>
        {entry.resourceId && (
          <Button size="xs" variant="light" onClick={() => onFilter({ resourceType: entry.resourceType, resourceId: entry.resourceId ?? '' })}>
            Entries about this {entry.resourceType}
          </Button>
        )}
        <Button size="xs" variant="light" onClick={() => onFilter({ action: entry.action })}>
          Entries with this action
        </Button>
      </Group>

      <section aria-labelledby="entry-changes-title">
        <Title order={3} size="h5" id="entry-changes-title" mb={4}>
          Changes
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Values are never stored in clear: each one appears as a keyed digest (h:…) and people only as pseudonyms (p:…), so erasing
          someone&apos;s personal data never breaks the verification of the log.
        </Text>
        <EntryChanges changes={changesOf(entry)} />
        {privateFields.length > 0 && (
          <Text size="sm" mt="xs">
            Free text kept outside the log and committed to here: {privateFields.map(([field]) => field).join(', ')}.
          </Text>
        )}
      </section>

      <RawEvent entry={entry} />

      <section aria-labelledby="entry-proof-title">
        <Title order={3} size="h5" id="entry-proof-title" mb="xs">
          Inclusion proof
        </Title>
        <InclusionProofSection entry={entry} canSign={canSign} />
      </section>
    </Stack>
  );
}
