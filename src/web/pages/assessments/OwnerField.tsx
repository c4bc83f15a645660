import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useActiveUsers } from './assessments-api.ts';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  canReadUsers: boolean;
  ownerName: (id: string) => string;
  error?: string;
}

/**
 * The owner, chosen among the active people of the organisation. Without permission to see the
 * people, the recorded owner is shown as its id and cannot be changed here.
 */
export function OwnerField({ value, onChange, canReadUsers, ownerName, error }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useActiveUsers(q, canReadUsers);
  if (!canReadUsers) {
    return <TextInput label="Owner" value={value ?? 'No owner'} readOnly description="You cannot see the people of the organisation, so the owner cannot be changed here." />;
  }
  const options = (users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: ownerName(value) });
  return (
    <Select
      label="Owner"
      placeholder="No owner"
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage={users.isFetching ? 'Searching…' : 'No active person matches'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
