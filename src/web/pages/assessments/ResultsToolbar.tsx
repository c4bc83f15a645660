import { Button, Checkbox, Group, Select } from '@mantine/core';
import type { ResultValue, WorkflowStatus } from './assessments-api.ts';
import { RESULT_LABELS, RESULT_ORDER, WORKFLOW_LABELS, WORKFLOW_ORDER } from './assessment-text.ts';
import type { ResultFilters } from './useAssessmentParams.ts';
import { SearchInput } from '../../components/SearchInput.tsx';

interface Props {
  filters: ResultFilters;
  hasFilters: boolean;
  onChange: (changes: Partial<ResultFilters>, replace?: boolean) => void;
  onClear: () => void;
}

export function ResultsToolbar({ filters, hasFilters, onChange, onClear }: Props) {
  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label="Filter results">
      <SearchInput placeholder="Item id, title or notes" value={filters.q} onSearch={(q) => onChange({ q }, true)} delay={250} style={{ flex: '1 1 14rem' }} />
      <Select
        label="Workflow status"
        placeholder="Any status"
        data={WORKFLOW_ORDER.map((value) => ({ value, label: WORKFLOW_LABELS[value] }))}
        value={filters.status}
        onChange={(value) => onChange({ status: value as WorkflowStatus | null })}
        clearable
        w={170}
      />
      <Select
        label="Result"
        placeholder="Any result"
        data={[...RESULT_ORDER.map((value) => ({ value, label: RESULT_LABELS[value] })), { value: 'unassessed', label: 'Not assessed yet' }]}
        value={filters.result}
        onChange={(value) => onChange({ result: value as ResultValue | 'unassessed' | null })}
        clearable
        w={200}
      />
      <Checkbox
        label="Needs mandatory documented information"
        checked={filters.mandatory}
        onChange={(e) => onChange({ mandatory: e.currentTarget.checked })}
        mb={8}
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
