import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SecretReveal } from '../../components/SecretReveal.tsx';
import { formatDate } from '../../shared/dates.ts';
import { ScopesField, scopesFromDraft, type ScopesDraft } from './ScopesField.tsx';
import { useCreateToken } from './tokens-api.ts';

const DEFAULT_DAYS = 90;
const MAX_DAYS = 365;

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ScopesDraft>({ mode: 'read', permissions: [] });
  const [days, setDays] = useState<number | string>(DEFAULT_DAYS);
  const [checked, setChecked] = useState(false);

  // Closing forgets the secret: it is never kept in the browser beyond this dialog.
  const close = () => {
    setName('');
    setScopes({ mode: 'read', permissions: [] });
    setDays(DEFAULT_DAYS);
    setChecked(false);
    create.reset();
    onClose();
  };

  const daysValue = typeof days === 'number' ? days : Number.NaN;
  const local = {
    name: !name.trim() ? 'Give the token a name that says where it is used.' : undefined,
    scopes: scopes.mode === 'specific' && scopes.permissions.length === 0 ? 'Choose at least one permission.' : undefined,
    expiresInDays: !Number.isInteger(daysValue) || daysValue < 1 || daysValue > MAX_DAYS ? `Between 1 and ${MAX_DAYS} days.` : undefined,
  };
  const server = fieldErrors(create.error);
  const shown = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? server[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    create.mutate({ name: name.trim(), scopes: scopesFromDraft(scopes), expiresInDays: daysValue });
  };

  return (
    <Modal opened={opened} onClose={close} title={create.data ? 'Token created' : 'New API token'} size="lg">
      {create.data ? (
        <Stack gap="md">
          <SecretReveal
            label={`Secret of "${create.data.token.name}" (expires ${formatDate(create.data.token.expiresAt)})`}
            secret={create.data.secret}
            warning="This secret is shown only once. Store it in your password manager or CI secret store now; aims keeps only a hash and cannot show it again."
          />
          <Group justify="flex-end">
            <Button onClick={close}>I have stored it</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="New API token">
          <Stack gap="md">
            <FormAlert error={create.error} title="The token was not created" />
            <TextInput label="Name" placeholder="e.g. CI fairness gate" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={shown('name')} />
            <ScopesField value={scopes} onChange={setScopes} error={shown('scopes')} />
            <NumberInput label="Expires after (days)" min={1} max={MAX_DAYS} required value={days} onChange={setDays} allowDecimal={false} error={shown('expiresInDays')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
