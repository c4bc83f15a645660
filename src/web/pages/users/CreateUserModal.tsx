import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { EMPTY_GRANTS, grantsFromDraft, grantsProblems, RoleGrantsField, type RoleGrantsDraft } from './RoleGrantsField.tsx';
import { useCreateUser } from './users-api.ts';

const MIN_PASSWORD = 12;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [grants, setGrants] = useState<RoleGrantsDraft>(EMPTY_GRANTS);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);

  const close = () => {
    setEmail('');
    setName('');
    setDepartment('');
    setGrants(EMPTY_GRANTS);
    setPassword('');
    setChecked(false);
    create.reset();
    onClose();
  };

  // Local checks appear only after a first submit, so nobody is scolded while still typing.
  const local = {
    email: !email.trim() ? 'Enter an email address.' : undefined,
    name: !name.trim() ? 'Enter a name.' : undefined,
    password: password && password.length < MIN_PASSWORD ? `At least ${MIN_PASSWORD} characters.` : undefined,
    ...grantsProblems(grants),
  };
  const server = fieldErrors(create.error);
  const shown = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? server[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    create.mutate(
      { email: email.trim(), name: name.trim(), department: department.trim() || null, roles: grantsFromDraft(grants), ...(password ? { password } : {}) },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'green',
            title: 'User created',
            message: user.hasPassword ? `${user.name} can sign in now.` : `${user.name} was invited without a password; set one from the Actions menu when needed.`,
          });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <form onSubmit={submit} noValidate aria-label="New user">
        <Stack gap="md">
          <FormAlert error={create.error} title="The user was not created" />
          <TextInput label="Email" type="email" required data-autofocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={shown('email')} />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={shown('name')} />
          <TextInput label="Department" value={department} onChange={(e) => setDepartment(e.currentTarget.value)} error={server.department} />
          <RoleGrantsField value={grants} onChange={setGrants} errors={{ roles: shown('roles'), endsOn: checked ? local.endsOn : undefined }} />
          <PasswordInput
            label="Initial password"
            description={`Optional, at least ${MIN_PASSWORD} characters. Leave empty to invite without a password (single sign-on, or a password set later).`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={shown('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
