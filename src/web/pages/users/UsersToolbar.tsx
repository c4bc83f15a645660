import { Button, Group, Select } from '@mantine/core';
import type { Role, UserStatus } from '../../api/types.ts';
import { ROLE_OPTIONS } from '../../shared/roles.ts';
import type { UserListParams } from './useUserListParams.ts';
import { SearchInput } from '../../components/SearchInput.tsx';

interface UsersToolbarProps {
  params: UserListParams;
  onChange: (changes: Partial<UserListParams>) => void;
  hasFilters: boolean;
  onClear: () => void;
}

export function UsersToolbar({ params, onChange, hasFilters, onClear }: UsersToolbarProps) {

  return (
    <Group gap="sm" align="flex-end" mb="md" role="search" aria-label="Filter users">
      <SearchInput placeholder="Name or email" value={params.q} onSearch={(q) => onChange({ q })} />
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
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
