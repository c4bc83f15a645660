import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { FrameworkSummary } from '../../api/types.ts';
import { MIN_SEARCH_LENGTH, type SearchParams } from './catalogue-api.ts';
import { isItemType, ITEM_TYPE_OPTIONS } from './catalogue-text.ts';

interface CatalogueSearchProps {
  search: SearchParams;
  frameworks: readonly FrameworkSummary[];
  onChange: (changes: Partial<SearchParams>) => void;
  onClear: () => void;
}

const ASSESSABLE_OPTIONS = [
  { value: 'true', label: 'Assessable only' },
  { value: 'false', label: 'Not assessable' },
];

/**
 * One box for every framework at once. The search waits for a pause in typing (and for two
 * characters, the server's minimum), so each key is not a request.
 */
export function CatalogueSearch({ search, frameworks, onChange, onClear }: CatalogueSearchProps) {
  const [text, setText] = useState(search.q);
  // Back, Forward or "Clear search" change the address: the box follows it.
  const [seenQ, setSeenQ] = useState(search.q);
  if (search.q !== seenQ) {
    setSeenQ(search.q);
    if (search.q.trim() !== text.trim()) setText(search.q);
  }
  const apply = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), 300);
  const tooShort = text.trim().length > 0 && text.trim().length < MIN_SEARCH_LENGTH;
  const active = search.q.trim() !== '' || search.framework !== null || search.type !== null || search.assessable !== null;

  return (
    <form role="search" aria-label="Search the catalogue" onSubmit={(event) => event.preventDefault()}>
      <TextInput
        label="Search all frameworks"
        placeholder="An identifier such as A.6.2, or words such as impact assessment"
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          apply(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply.flush();
        }}
        description={tooShort ? `Type at least ${MIN_SEARCH_LENGTH} characters.` : 'Identifiers, titles, summaries, guidance, evidence, questions and tags.'}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" mt="xs">
        <Select
          label="In framework"
          placeholder="All"
          data={frameworks.map((framework) => ({ value: framework.id, label: framework.shortName }))}
          value={search.framework}
          onChange={(value) => onChange({ framework: value })}
          clearable
          size="xs"
        />
        <Select
          label="Type"
          placeholder="Any"
          data={ITEM_TYPE_OPTIONS}
          value={search.type}
          onChange={(value) => onChange({ type: isItemType(value) ? value : null })}
          clearable
          size="xs"
        />
        <Select
          label="Assessable"
          placeholder="Either"
          data={ASSESSABLE_OPTIONS}
          value={search.assessable}
          onChange={(value) => onChange({ assessable: value === 'true' || value === 'false' ? value : null })}
          clearable
          size="xs"
        />
      </SimpleGrid>
      {active && (
        <Group mt="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              apply.cancel();
              setText('');
              onClear();
            }}
          >
            Clear search and show the tree
          </Button>
        </Group>
      )}
    </form>
  );
}
