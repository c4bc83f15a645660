import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useFrameworks } from '../catalogue/catalogue-api.ts';
import { useCreateAssessment } from './assessments-api.ts';

function NewAssessmentForm({ onClose }: { onClose: () => void }) {
  const create = useCreateAssessment();
  const frameworks = useFrameworks();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [frameworkId, setFrameworkId] = useState<string | null>('iso42001');
  const [target, setTarget] = useState<number | string>('');
  const [checked, setChecked] = useState(false);
  const server = fieldErrors(create.error);
  const local = {
    name: !name.trim() ? 'Enter a name.' : undefined,
    frameworkId: !frameworkId ? 'Choose a framework.' : undefined,
    targetMaturity: target !== '' && (Number(target) < 0 || Number(target) > 5) ? 'The target is between 0 and 5.' : undefined,
  };
  const options = (frameworks.data ?? []).map((f) => ({ value: f.id, label: f.name }));
  if (!options.some((o) => o.value === 'iso42001')) options.unshift({ value: 'iso42001', label: 'ISO/IEC 42001:2023' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).some(Boolean) || !frameworkId) return;
    create.mutate(
      { name: name.trim(), frameworkId, ...(target === '' ? {} : { targetMaturity: Number(target) }) },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', title: 'Assessment started', message: `${created.assessment.name}: ${created.results.length} items to assess.` });
          onClose();
          void navigate(`/assessments/${encodeURIComponent(created.assessment.id)}`);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New assessment">
      <Stack gap="md">
        <FormAlert error={create.error} />
        <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={(checked ? local.name : undefined) ?? server.name} />
        <Select
          label="Framework"
          required
          data={options}
          value={frameworkId}
          onChange={setFrameworkId}
          allowDeselect={false}
          description="One result is created for every assessable item of the framework."
          error={(checked ? local.frameworkId : undefined) ?? server.frameworkId}
        />
        <NumberInput
          label="Target maturity"
          description="0 Incomplete … 5 Optimizing, one decimal (for example 4.5). Optional."
          min={0}
          max={5}
          step={0.1}
          decimalScale={1}
          value={target}
          onChange={setTarget}
          error={(checked ? local.targetMaturity : undefined) ?? server.targetMaturity}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Start assessment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewAssessmentModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New assessment">
      {opened && <NewAssessmentForm onClose={onClose} />}
    </Modal>
  );
}
