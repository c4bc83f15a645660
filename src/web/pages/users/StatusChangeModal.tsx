import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { User } from '../../api/types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { useSetUserStatus } from './users-api.ts';

/** Deactivating or reactivating always asks first: it ends or restores someone's access. */
export function StatusChangeModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const change = useSetUserStatus();
  const { reset } = change;
  useEffect(() => reset(), [user, reset]);
  const activating = user?.status === 'deactivated';

  const confirm = () => {
    if (!user) return;
    change.mutate(
      { user, active: activating },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: activating ? 'Reactivated' : 'Deactivated', message: `${saved.name} is now ${saved.status}.` });
          onClose();
        },
      },
    );
  };

  return (
    <ConfirmModal
      opened={user !== null}
      title={activating ? `Reactivate ${user?.name ?? ''}?` : `Deactivate ${user?.name ?? ''}?`}
      confirmLabel={activating ? 'Reactivate' : 'Deactivate'}
      danger={!activating}
      pending={change.isPending}
      error={change.error}
      onConfirm={confirm}
      onClose={onClose}
    >
      {activating
        ? 'They will be able to sign in again with their roles.'
        : 'They will be signed out everywhere and their API tokens stop working. Nothing is deleted: the audit trail keeps referring to them, and you can reactivate them later.'}
    </ConfirmModal>
  );
}
