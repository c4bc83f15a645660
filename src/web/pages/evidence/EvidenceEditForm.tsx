import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { errorCode, fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { OwnerField } from '../assessments/OwnerField.tsx';
import { useUpdateEvidence, type Evidence } from './evidence-api.ts';

interface Props {
  evidence: Evidence;
  canReadUsers: boolean;
  ownerName: (id: string) => string;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}

export function EvidenceEditForm({ evidence, canReadUsers, ownerName, onDone, onReload }: Props) {
  const update = useUpdateEvidence();
  const [title, setTitle] = useState(evidence.title);
  const [description, setDescription] = useState(evidence.description ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(evidence.ownerId);
  const [expiresOn, setExpiresOn] = useState(evidence.expiresOn ?? '');
  const server = fieldErrors(update.error);
  const conflict = errorCode(update.error) === 'conflict';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: evidence.id,
        version: evidence.version,
        title: title.trim(),
        description: description.trim() || null,
        ...(canReadUsers ? { ownerId } : {}),
        expiresOn: expiresOn || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Saved', message: 'The evidence was saved.' });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit evidence">
      <Stack gap="sm">
        {conflict ? (
          <Alert color="orange" title="Changed by someone else" role="alert">
            <Text size="sm">This evidence was changed after you opened it, so your changes were not saved. Reload it, then make your change again.</Text>
            <Button size="xs" variant="light" color="orange" mt="xs" onClick={() => void onReload()}>
              Reload this evidence
            </Button>
          </Alert>
        ) : (
          <FormAlert error={update.error} />
        )}
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={server.title} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={server.description} />
        <OwnerField value={ownerId} onChange={setOwnerId} canReadUsers={canReadUsers} ownerName={ownerName} error={server.ownerId} />
        <TextInput label="Expires on" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={server.expiresOn} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={conflict}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
