import { Alert, Button, FileInput, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError, fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useCreateEvidence, useUploadEvidenceFile, type Evidence } from './evidence-api.ts';
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILES } from './evidence-text.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Evidence added from an assessment result is linked to it on creation. */
  resultId?: string;
  resultLabel?: string;
  onCreated?: (evidence: Evidence) => void;
}

/**
 * Adds a file or a link. A file is uploaded right after the evidence is created; when the upload
 * is refused the evidence stays (without a file) and the dialog offers another file for it.
 */
export function AddEvidenceModal({ opened, onClose, resultId, resultLabel, onCreated }: Props) {
  const create = useCreateEvidence();
  const upload = useUploadEvidenceFile();
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [url, setUrl] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<Evidence | null>(null);

  const close = () => {
    setKind('file');
    setTitle('');
    setDescription('');
    setUrl('');
    setExpiresOn('');
    setFile(null);
    setChecked(false);
    setCreated(null);
    create.reset();
    upload.reset();
    onClose();
  };

  const local = {
    title: !title.trim() ? 'Enter a title.' : undefined,
    url: kind === 'link' && !url.trim() ? 'Enter the address (https://…).' : undefined,
    file: kind === 'file' && !file ? 'Choose the file.' : undefined,
  };
  const server = fieldErrors(create.error);
  const shown = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? server[field];

  const finish = (evidence: Evidence) => {
    notifications.show({ color: 'green', title: 'Evidence added', message: evidence.currentFile ? `${evidence.title}: version ${evidence.currentFile.fileVersion} uploaded.` : evidence.title });
    onCreated?.(evidence);
    close();
  };

  const sendFile = (evidence: Evidence, chosen: File) => upload.mutate({ id: evidence.id, file: chosen }, { onSuccess: finish });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean)) return;
    if (created && file) return sendFile(created, file);
    create.mutate(
      {
        title: title.trim(),
        kind,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(kind === 'link' ? { url: url.trim() } : {}),
        ...(expiresOn ? { expiresOn } : {}),
        ...(resultId ? { resultIds: [resultId] } : {}),
      },
      {
        onSuccess: (evidence) => {
          if (kind === 'file' && file) {
            setCreated(evidence);
            sendFile(evidence, file);
          } else finish(evidence);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Add evidence" size="lg">
      <form onSubmit={submit} noValidate aria-label="Add evidence">
        <Stack gap="md">
          {resultLabel && (
            <Text size="sm" c="dimmed">
              It will be linked to {resultLabel}.
            </Text>
          )}
          <FormAlert error={create.error} title="The evidence was not added" />
          {upload.error != null && created && (
            <Alert color="red" title="The file was not uploaded" role="alert">
              <Text size="sm">{describeError(upload.error)}</Text>
              <Text size="sm" mt={4}>
                The evidence “{created.title}” was created without a file. Choose another file and upload again, or close and upload it later.
              </Text>
            </Alert>
          )}
          {!created && (
            <>
              <SegmentedControl
                aria-label="Kind of evidence"
                value={kind}
                onChange={(v) => setKind(v as 'file' | 'link')}
                data={[
                  { value: 'file', label: 'File' },
                  { value: 'link', label: 'Link' },
                ]}
                w="fit-content"
              />
              <TextInput label="Title" required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={shown('title')} />
              <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={server.description} />
              {kind === 'link' && <TextInput label="Address" type="url" required placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={shown('url')} />}
              <TextInput label="Expires on" type="date" description="Leave empty when it does not expire." value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={server.expiresOn} />
            </>
          )}
          {kind === 'file' && (
            <FileInput
              label="File"
              required
              description={ACCEPTED_FILES}
              placeholder="Choose a file"
              accept={ACCEPT_ATTRIBUTE}
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              clearable
              error={shown('file')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {created ? 'Close' : 'Cancel'}
            </Button>
            <Button type="submit" loading={create.isPending || upload.isPending}>
              {created ? 'Upload file' : kind === 'file' ? 'Add and upload' : 'Add evidence'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
