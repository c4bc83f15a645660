import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { Role, UserStatus } from '../../api/types.ts';
import { ROLE_OPTIONS } from '../../shared/roles.ts';
import type { UserListParams } from './useUserListParams.ts';

interface UsersToolbarProps {
  params: UserListParams;
  onChange: (changes: Partial<UserListParams>) => void;
  hasFilters: boolean;
  onClear: () => void;
}

export function UsersToolbar({ params, onChange, hasFilters, onClear }: UsersToolbarProps) {
  // The box updates at once; the search waits for a pause in typing so each key is not a request.
  const [text, setText] = useState(params.q);
  const search = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), 300);

  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label="Filter users">
      <TextInput
        label="Search"
        placeholder="Name or email"
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
        style={{ flex: '1 1 16rem' }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={[
          { value: 'active', label: 'Active' },
          { value: 'deactivated', label: 'Deactivated' },
        ]}
        value={params.status}
        onChange={(value) => onChange({ status: value as UserStatus | null })}
        clearable
        w={170}
      />
      <Select
        label="Role"
        placeholder="Any role"
        data={ROLE_OPTIONS}
        value={params.role}
        onChange={(value) => onChange({ role: value as Role | null })}
        clearable
        searchable
        w={250}
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
