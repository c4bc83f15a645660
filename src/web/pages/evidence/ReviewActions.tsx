import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useUpdateEvidence, type Evidence, type ReviewStatus } from './evidence-api.ts';
import { REVIEW_LABELS } from './evidence-text.ts';

/** The next steps of the review the person may take; approve and reject need `evidence.review`. */
export function ReviewActions({ evidence, canManage, canReview }: { evidence: Evidence; canManage: boolean; canReview: boolean }) {
  const update = useUpdateEvidence();
  const set = (reviewStatus: ReviewStatus) =>
    update.mutate(
      { id: evidence.id, version: evidence.version, reviewStatus },
      { onSuccess: (saved) => notifications.show({ color: 'green', title: REVIEW_LABELS[saved.reviewStatus], message: `${saved.title} is now ${REVIEW_LABELS[saved.reviewStatus].toLowerCase()}.` }) },
    );
  const status = evidence.reviewStatus;
  const submit = canManage && (status === 'draft' || status === 'rejected');
  const decide = canManage && canReview && (status === 'in_review' || status === 'draft');
  if (!submit && !decide) return null;
  const pending = update.isPending ? update.variables.reviewStatus : null;
  return (
    <>
      <FormAlert error={update.error} title="The review status was not changed" />
      <Group gap="sm" role="group" aria-label="Review">
        {submit && (
          <Button variant="light" onClick={() => set('in_review')} loading={pending === 'in_review'}>
            Submit for review
          </Button>
        )}
        {decide && (
          <>
            <Button color="green" onClick={() => set('approved')} loading={pending === 'approved'}>
              Approve
            </Button>
            <Button color="red" variant="light" onClick={() => set('rejected')} loading={pending === 'rejected'}>
              Reject
            </Button>
          </>
        )}
      </Group>
    </>
  );
}
