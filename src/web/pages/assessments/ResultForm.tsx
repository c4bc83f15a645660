import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { describeError, errorCode, fieldErrors } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useUpdateResult, type AssessmentResult, type ResultValue, type WorkflowStatus } from './assessments-api.ts';
import { MATURITY_LEVELS, RESULT_LABELS, RESULT_ORDER, WORKFLOW_LABELS, WORKFLOW_ORDER } from './assessment-text.ts';
import { OwnerField } from './OwnerField.tsx';

interface Props {
  assessmentId: string;
  result: AssessmentResult;
  canReadUsers: boolean;
  ownerName: (id: string) => string;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}

const NOT_ASSESSED = 'none';

/** The server's words, with its enum values said the way people say them. */
function humanise(message: string | undefined): string | undefined {
  return message?.replaceAll('not_applicable', 'not applicable');
}

/** Someone else saved this result after it was opened: offer to reload instead of overwriting. */
function ConflictNotice({ onReload }: { onReload: () => Promise<unknown> }) {
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
    } catch (e) {
      setError(e);
    }
    setReloading(false);
  };
  return (
    <Alert color="orange" title="Changed by someone else" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          This result was changed by someone else after you opened it, so your changes were not saved. Reload to see the current version, then
          make your change again.
        </Text>
        {error != null && (
          <Text size="sm" c="red">
            {describeError(error)}
          </Text>
        )}
        <Button size="xs" variant="light" color="orange" onClick={() => void reload()} loading={reloading} w="fit-content">
          Reload this result
        </Button>
      </Stack>
    </Alert>
  );
}

export function ResultForm({ assessmentId, result, canReadUsers, ownerName, onDone, onReload }: Props) {
  const update = useUpdateResult(assessmentId);
  const [workflowStatus, setWorkflowStatus] = useState<WorkflowStatus>(result.workflowStatus);
  const [value, setValue] = useState<string>(result.result ?? NOT_ASSESSED);
  const [justification, setJustification] = useState(result.justification ?? '');
  const [maturity, setMaturity] = useState<string | null>(result.maturity === null ? null : String(result.maturity));
  const [ownerId, setOwnerId] = useState<string | null>(result.ownerId);
  const [dueDate, setDueDate] = useState(result.dueDate ?? '');
  const [notes, setNotes] = useState(result.notes ?? '');
  const server = fieldErrors(update.error);
  const conflict = errorCode(update.error) === 'conflict';
  const notApplicable = value === 'not_applicable';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        resultId: result.id,
        version: result.version,
        workflowStatus,
        result: value === NOT_ASSESSED ? null : (value as ResultValue),
        justification: justification.trim() || null,
        maturity: maturity === null ? null : Number(maturity),
        ...(canReadUsers ? { ownerId } : {}),
        dueDate: dueDate || null,
        notes: notes.trim() || null,
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: 'Saved', message: `The result of ${saved.itemId} was saved.` });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Result of ${result.itemId}`}>
      <Stack gap="sm">
        {conflict ? <ConflictNotice onReload={onReload} /> : <FormAlert error={update.error} />}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Workflow status"
            data={WORKFLOW_ORDER.map((v) => ({ value: v, label: WORKFLOW_LABELS[v] }))}
            value={workflowStatus}
            onChange={(v) => v && setWorkflowStatus(v as WorkflowStatus)}
            allowDeselect={false}
            error={server.workflowStatus}
            miw={180}
          />
          <Select
            label="Result"
            data={[{ value: NOT_ASSESSED, label: 'Not assessed' }, ...RESULT_ORDER.map((v) => ({ value: v, label: RESULT_LABELS[v] }))]}
            value={value}
            onChange={(v) => v && setValue(v)}
            allowDeselect={false}
            error={server.result}
            miw={180}
          />
        </Group>
        <Textarea
          label="Justification"
          description={notApplicable ? 'Required: say why this item does not apply (an auditor will ask).' : 'Why this result; required when the item is not applicable.'}
          required={notApplicable}
          autosize
          minRows={2}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={humanise(server.justification)}
        />
        <Select
          label="Maturity"
          placeholder="Not rated"
          data={MATURITY_LEVELS.map((name, level) => ({ value: String(level), label: `${level} ${name}` }))}
          value={maturity}
          onChange={setMaturity}
          clearable
          error={server.maturity}
        />
        <OwnerField value={ownerId} onChange={setOwnerId} canReadUsers={canReadUsers} ownerName={ownerName} error={server.ownerId} />
        <TextInput label="Due date" type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={server.dueDate} />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={server.notes} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={conflict}>
            Save result
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
