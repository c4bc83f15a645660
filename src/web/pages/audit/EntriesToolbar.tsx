import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EntryFilters, EntrySort } from './useEntryListParams.ts';

interface EntriesToolbarProps {
  filters: EntryFilters;
  sort: EntrySort;
  hasFilters: boolean;
  onFilter: (filters: EntryFilters) => void;
  onClear: () => void;
  onSort: (sort: EntrySort) => void;
}

/**
 * The server matches filters exactly (an action, a pseudonym), so they apply on Enter or with the
 * button rather than at each key, which would only show empty pages while typing. The parent
 * gives this form a key made of the applied filters, so Back or a shortcut resets the fields.
 */
export function EntriesToolbar({ filters, sort, hasFilters, onFilter, onClear, onSort }: EntriesToolbarProps) {
  const [draft, setDraft] = useState(filters);
  const field = (key: keyof EntryFilters) => ({
    value: draft[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: event.currentTarget.value }),
  });
  const datesReversed = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (datesReversed) return;
    onFilter({
      action: draft.action.trim(),
      actor: draft.actor.trim(),
      resourceType: draft.resourceType.trim(),
      resourceId: draft.resourceId.trim(),
      from: draft.from,
      to: draft.to,
    });
  };

  return (
    <Stack gap="sm" mb="md">
      <form onSubmit={submit} role="search" aria-label="Filter entries" noValidate>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm" verticalSpacing="xs">
          <TextInput label="Action" placeholder="identity.user.created" {...field('action')} />
          <TextInput label="Actor pseudonym" placeholder="p:… or system" {...field('actor')} />
          <TextInput label="Resource type" placeholder="user" {...field('resourceType')} />
          <TextInput label="Resource id" placeholder="id or p:…" {...field('resourceId')} />
          <TextInput label="From" type="date" {...field('from')} />
          <TextInput label="To" type="date" {...field('to')} error={datesReversed ? 'The end is before the start.' : undefined} />
        </SimpleGrid>
        <Group gap="sm" mt="sm" justify="space-between">
          <Group gap="sm">
            <Button type="submit" variant="light">
              Apply filters
            </Button>
            {hasFilters && (
              <Button variant="subtle" onClick={onClear}>
                Clear filters
              </Button>
            )}
            <Text size="xs" c="dimmed">
              Exact matches; dates include both days.
            </Text>
          </Group>
          <SegmentedControl
            aria-label="Order"
            value={sort}
            onChange={(value) => onSort(value === 'seq' ? 'seq' : '-seq')}
            data={[
              { value: '-seq', label: 'Newest first' },
              { value: 'seq', label: 'Oldest first' },
            ]}
          />
        </Group>
      </form>
    </Stack>
  );
}
