import { Divider, Drawer, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { Assessment, AssessmentResult } from './assessments-api.ts';
import { ResultEvidenceSection } from '../evidence/ResultEvidenceSection.tsx';
import { ItemRequirement } from './ItemRequirement.tsx';
import { ResultForm } from './ResultForm.tsx';
import { ResultReadOnly } from './ResultReadOnly.tsx';

interface Props {
  assessment: Assessment;
  itemId: string | null;
  result: AssessmentResult | null;
  canManage: boolean;
  canReadUsers: boolean;
  ownerName: (id: string) => string;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/** One result beside the table (the whole screen on a phone): what the item asks, then the answer. */
export function ResultDrawer({ assessment, itemId, result, canManage, canReadUsers, ownerName, onClose, onReload }: Props) {
  const smallScreen = useMediaQuery('(max-width: 48em)');
  // While the panel slides out it keeps what it showed.
  const [shown, setShown] = useState(result);
  if (result !== null && result !== shown) setShown(result);
  const current = result ?? shown;
  // The form is reset by a reload after a conflict, not by the new version its own save brings.
  const [reloads, setReloads] = useState(0);
  const reload = async () => {
    await onReload();
    setReloads((n) => n + 1);
  };
  return (
    <Drawer
      opened={itemId !== null}
      onClose={onClose}
      position="right"
      size={smallScreen ? '100%' : 'xl'}
      title={current ? `${current.itemId} ${current.itemTitle}` : 'Result'}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {itemId !== null && result === null && <Text c="dimmed">This assessment has no result for item {itemId}.</Text>}
      {current && (
        <Stack gap="md">
          <ItemRequirement frameworkId={assessment.frameworkId} itemId={current.itemId} />
          <Divider label="Result" labelPosition="left" />
          {canManage ? (
            <ResultForm key={`${current.id}:${reloads}`} assessmentId={assessment.id} result={current} canReadUsers={canReadUsers} ownerName={ownerName} onDone={onClose} onReload={reload} />
          ) : (
            <ResultReadOnly result={current} ownerName={ownerName} />
          )}
          <Divider />
          <ResultEvidenceSection resultId={current.id} resultLabel={`${current.itemId} ${current.itemTitle}`} />
        </Stack>
      )}
    </Drawer>
  );
}
