import { MultiSelect, Radio, Stack } from '@mantine/core';
import { useMe } from '../../auth/MeContext.tsx';

export type ScopeMode = 'all' | 'read' | 'specific';

export interface ScopesDraft {
  mode: ScopeMode;
  permissions: string[];
}

/** The scopes the API expects: "*" and "read" are the server's shorthands. */
export function scopesFromDraft(draft: ScopesDraft): string[] {
  if (draft.mode === 'all') return ['*'];
  if (draft.mode === 'read') return ['read'];
  return draft.permissions;
}

/** A token can never do more than its owner; the choices offered are the owner's own permissions. */
export function ScopesField({ value, onChange, error }: { value: ScopesDraft; onChange: (value: ScopesDraft) => void; error?: string | undefined }) {
  const me = useMe();
  return (
    <Stack gap="xs">
      <Radio.Group
        label="What the token may do"
        description="A token acts as you, limited to these permissions, and loses any you lose."
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode: mode as ScopeMode })}
        required
      >
        <Stack gap={6} mt="xs">
          <Radio value="all" label="All my permissions" />
          <Radio value="read" label="Read only" />
          <Radio value="specific" label="Specific permissions" />
        </Stack>
      </Radio.Group>
      {value.mode === 'specific' && (
        <MultiSelect
          label="Permissions"
          placeholder={value.permissions.length === 0 ? 'Choose permissions' : undefined}
          data={me.permissions}
          value={value.permissions}
          onChange={(permissions) => onChange({ ...value, permissions })}
          searchable
          required
          error={error}
        />
      )}
      {value.mode !== 'specific' && error && (
        <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
          {error}
        </div>
      )}
    </Stack>
  );
}
