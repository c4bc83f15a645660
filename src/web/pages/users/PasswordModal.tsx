import { Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import type { User } from '../../api/types.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import { useSetPassword } from './users-api.ts';

const MIN_PASSWORD = 12;
type Mode = 'generate' | 'set';

function PasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const setPassword = useSetPassword();
  const [mode, setMode] = useState<Mode>('generate');
  const [password, setPasswordValue] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = mode === 'set' && password.length < MIN_PASSWORD;
  const temporary = setPassword.data?.temporaryPassword;

  if (temporary) {
    return (
      <Stack gap="md">
        <SecretReveal
          label={`Temporary password of ${user.name}`}
          secret={temporary}
          warning="This password is shown only once. Give it to the person through a safe channel; aims cannot show it again."
        />
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (tooShort) return;
    setPassword.mutate(
      { id: user.id, ...(mode === 'set' ? { password } : {}) },
      {
        onSuccess: (result) => {
          if (result.temporaryPassword) return; // shown above until the admin closes the dialog
          notifications.show({ color: 'green', title: 'Password set', message: `${user.name} can sign in with the new password.` });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Password of ${user.name}`}>
      <Stack gap="md">
        <FormAlert error={setPassword.error} title="The password was not changed" />
        <Text size="sm">Changing the password signs {user.name} out of every session.</Text>
        <SegmentedControl
          aria-label="How to set the password"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={[
            { value: 'generate', label: 'Generate a temporary password' },
            { value: 'set', label: 'Type a password' },
          ]}
          fullWidth
        />
        {mode === 'set' && (
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD} characters.`}
            autoComplete="new-password"
            required
            data-autofocus
            value={password}
            onChange={(e) => setPasswordValue(e.currentTarget.value)}
            error={(checked && tooShort ? `At least ${MIN_PASSWORD} characters.` : undefined) ?? fieldErrors(setPassword.error).password}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={setPassword.isPending}>
            {mode === 'generate' ? 'Generate password' : 'Set password'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Password of ${user.name}` : 'Password'} size="lg">
      {user && <PasswordForm key={user.id} user={user} onDone={onClose} />}
    </Modal>
  );
}
