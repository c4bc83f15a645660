import { MultiSelect, Stack, TextInput } from '@mantine/core';
import type { Role, RoleGrantInput, User } from '../../api/types.ts';
import { endOfDayIso, toDateInputValue, tomorrowInputValue } from '../../shared/dates.ts';
import { ROLE_OPTIONS, ROLES_NEEDING_EXPIRY } from '../../shared/roles.ts';

/** What the person picks: roles, and the end date of time-boxed ones. */
export interface RoleGrantsDraft {
  roles: Role[];
  /** yyyy-mm-dd from the date input; used for roles that need an end date. */
  endsOn: string;
  /** End dates the user already had, kept for roles that stay (edits do not drop them). */
  existing: Partial<Record<Role, string | null>>;
}

export const EMPTY_GRANTS: RoleGrantsDraft = { roles: [], endsOn: '', existing: {} };

export function draftFromUser(user: User): RoleGrantsDraft {
  const existing: Partial<Record<Role, string | null>> = {};
  for (const grant of user.roles) existing[grant.role] = grant.expiresAt;
  const timeBoxed = user.roles.find((grant) => ROLES_NEEDING_EXPIRY.has(grant.role) && grant.expiresAt);
  return { roles: user.roles.map((grant) => grant.role), endsOn: toDateInputValue(timeBoxed?.expiresAt), existing };
}

export function needsEndDate(draft: RoleGrantsDraft): boolean {
  return draft.roles.some((role) => ROLES_NEEDING_EXPIRY.has(role));
}

/** Problems the person can fix before asking the server, which checks again anyway. */
export function grantsProblems(draft: RoleGrantsDraft): { roles?: string; endsOn?: string } {
  if (draft.roles.length === 0) return { roles: 'Choose at least one role.' };
  if (needsEndDate(draft)) {
    const end = endOfDayIso(draft.endsOn);
    if (!end) return { endsOn: 'External auditors need an end date for their access.' };
    if (new Date(end).getTime() <= Date.now()) return { endsOn: 'The end date must be in the future.' };
  }
  return {};
}

export function grantsFromDraft(draft: RoleGrantsDraft): RoleGrantInput[] {
  const endsAt = endOfDayIso(draft.endsOn);
  return draft.roles.map((role) => ({ role, expiresAt: ROLES_NEEDING_EXPIRY.has(role) ? endsAt : (draft.existing[role] ?? null) }));
}

interface RoleGrantsFieldProps {
  value: RoleGrantsDraft;
  onChange: (value: RoleGrantsDraft) => void;
  errors: { roles?: string | undefined; endsOn?: string | undefined };
}

export function RoleGrantsField({ value, onChange, errors }: RoleGrantsFieldProps) {
  return (
    <Stack gap="sm">
      <MultiSelect
        label="Roles"
        description="What this person may do in aims. Several roles can be combined."
        placeholder={value.roles.length === 0 ? 'Choose roles' : undefined}
        data={ROLE_OPTIONS}
        value={value.roles}
        onChange={(roles) => onChange({ ...value, roles: roles as Role[] })}
        required
        searchable
        clearable
        error={errors.roles}
        comboboxProps={{ withinPortal: true }}
      />
      {needsEndDate(value) && (
        <TextInput
          type="date"
          label="External auditor access ends on"
          description="External auditors are read-only and time-boxed: their access ends at the end of this day."
          required
          min={tomorrowInputValue()}
          value={value.endsOn}
          onChange={(event) => onChange({ ...value, endsOn: event.currentTarget.value })}
          error={errors.endsOn}
        />
      )}
    </Stack>
  );
}
