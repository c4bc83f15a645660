import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError, errorCode, fieldErrors } from '../../api/errors.ts';
import type { User } from '../../api/types.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { draftFromUser, grantsFromDraft, grantsProblems, RoleGrantsField } from './RoleGrantsField.tsx';
import { fetchUser, useUpdateUser } from './users-api.ts';

/** Someone else saved this user after we read it: offer to reload instead of overwriting them. */
function ConflictNotice({ onReload, reloading, reloadError }: { onReload: () => void; reloading: boolean; reloadError: unknown }) {
  return (
    <Alert color="orange" title="Changed by someone else" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          This user was changed by someone else after you opened it, so your changes were not saved. Reload to see the
          current version, then make your change again.
        </Text>
        {reloadError != null && <Text size="sm" c="red">{describeError(reloadError)}</Text>}
        <Button size="xs" variant="light" color="orange" onClick={onReload} loading={reloading} w="fit-content">
          Reload this user
        </Button>
      </Stack>
    </Alert>
  );
}

function EditUserForm({ user, onDone, onReloaded }: { user: User; onDone: () => void; onReloaded: (user: User) => void }) {
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [department, setDepartment] = useState(user.department ?? '');
  const [grants, setGrants] = useState(() => draftFromUser(user));
  const [checked, setChecked] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);

  const local = { name: !name.trim() ? 'Enter a name.' : undefined, ...grantsProblems(grants) };
  const server = fieldErrors(update.error);
  const conflict = errorCode(update.error) === 'conflict';

  const reload = async () => {
    setReloading(true);
    try {
      onReloaded(await fetchUser(user.id));
    } catch (error) {
      setReloadError(error);
      setReloading(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    update.mutate(
      { id: user.id, version: user.version, name: name.trim(), department: department.trim() || null, roles: grantsFromDraft(grants) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Saved', message: `${saved.name} was updated.` });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${user.name}`}>
      <Stack gap="md">
        {conflict ? <ConflictNotice onReload={() => void reload()} reloading={reloading} reloadError={reloadError} /> : <FormAlert error={update.error} />}
        <TextInput label="Email" value={user.email} readOnly description="The email is the sign-in name and cannot be changed here." />
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={(checked ? local.name : undefined) ?? server.name} />
        <TextInput label="Department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)} error={server.department} />
        <RoleGrantsField
          value={grants}
          onChange={setGrants}
          errors={{ roles: (checked ? local.roles : undefined) ?? server.roles, endsOn: checked ? local.endsOn : undefined }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={conflict}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  // A reload replaces the user we edit; the key resets the form to the fresh version.
  const [reloaded, setReloaded] = useState<User | null>(null);
  const current = reloaded && user && reloaded.id === user.id ? reloaded : user;
  const close = () => {
    setReloaded(null);
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={current ? `Edit ${current.name}` : 'Edit user'} size="lg">
      {current && <EditUserForm key={`${current.id}:${current.version}`} user={current} onDone={close} onReloaded={setReloaded} />}
    </Modal>
  );
}
