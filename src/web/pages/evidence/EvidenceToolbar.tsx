import { Button, Group, Select } from '@mantine/core';
import type { EvidenceQuery, ExpiryState, ReviewStatus } from './evidence-api.ts';
import { EXPIRY_LABELS, EXPIRY_ORDER, REVIEW_LABELS, REVIEW_ORDER } from './evidence-text.ts';
import { SearchInput } from '../../components/SearchInput.tsx';

interface Props {
  params: EvidenceQuery;
  onChange: (changes: Partial<EvidenceQuery>) => void;
  hasFilters: boolean;
  onClear: () => void;
}

export function EvidenceToolbar({ params, onChange, hasFilters, onClear }: Props) {
  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label="Filter evidence">
      <SearchInput placeholder="Title" value={params.q} onSearch={(q) => onChange({ q })} />
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
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
