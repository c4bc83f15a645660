import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useTakeSnapshot } from './assessments-api.ts';

function TakeSnapshotForm({ assessmentId, hasBaseline, onClose }: { assessmentId: string; hasBaseline: boolean; onClose: () => void }) {
  const take = useTakeSnapshot(assessmentId);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<'baseline' | 'snapshot'>(hasBaseline ? 'snapshot' : 'baseline');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(take.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!label.trim()) return;
    take.mutate(
      { label: label.trim(), kind },
      {
        onSuccess: (snapshot) => {
          notifications.show({ color: 'green', title: 'Snapshot taken', message: `${snapshot.label}: ${snapshot.assessed} items assessed.` });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Take snapshot">
      <Stack gap="md">
        <FormAlert error={take.error} />
        <TextInput label="Label" required data-autofocus placeholder="e.g. Q3 review" value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={(checked && !label.trim() ? 'Enter a label.' : undefined) ?? server.label} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="snapshot-kind-label">
            Kind
          </Text>
          <SegmentedControl
            aria-labelledby="snapshot-kind-label"
            value={kind}
            onChange={(v) => setKind(v as 'baseline' | 'snapshot')}
            data={[
              { value: 'snapshot', label: 'Snapshot' },
              { value: 'baseline', label: 'Baseline' },
            ]}
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={take.isPending}>
            Take snapshot
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TakeSnapshotModal({ assessmentId, opened, hasBaseline, onClose }: { assessmentId: string; opened: boolean; hasBaseline: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Take snapshot">
      {opened && <TakeSnapshotForm assessmentId={assessmentId} hasBaseline={hasBaseline} onClose={onClose} />}
    </Modal>
  );
}
