import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { EvidenceQuery, ExpiryState, ReviewStatus } from './evidence-api.ts';
import { EXPIRY_LABELS, EXPIRY_ORDER, REVIEW_LABELS, REVIEW_ORDER } from './evidence-text.ts';

interface Props {
  params: EvidenceQuery;
  onChange: (changes: Partial<EvidenceQuery>) => void;
  hasFilters: boolean;
  onClear: () => void;
}

export function EvidenceToolbar({ params, onChange, hasFilters, onClear }: Props) {
  const [text, setText] = useState(params.q);
  const search = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), 300);
  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label="Filter evidence">
      <TextInput
        label="Search"
        placeholder="Title"
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
        style={{ flex: '1 1 16rem' }}
      />
      <Select
        label="Review status"
        placeholder="Any status"
        data={REVIEW_ORDER.map((v) => ({ value: v, label: REVIEW_LABELS[v] }))}
        value={params.reviewStatus}
        onChange={(v) => onChange({ reviewStatus: v as ReviewStatus | null })}
        clearable
        w={180}
      />
      <Select
        label="Expiry"
        placeholder="Any expiry"
        data={EXPIRY_ORDER.map((v) => ({ value: v, label: EXPIRY_LABELS[v] }))}
        value={params.expiry}
        onChange={(v) => onChange({ expiry: v as ExpiryState | null })}
        clearable
        w={180}
      />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            setText('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
