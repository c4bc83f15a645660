import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../api/errors.ts';
import { useSignCheckpoint } from './ledger-api.ts';

/**
 * Signs a checkpoint of the log as it is now. Harmless and idempotent (the same size is signed
 * once), so it asks for no confirmation; only people with `ledger.checkpoint` are shown it.
 */
export function SignCheckpointButton({ label = 'Sign checkpoint', ...props }: { label?: string } & ButtonProps) {
  const sign = useSignCheckpoint();
  return (
    <Button
      variant="default"
      {...props}
      loading={sign.isPending}
      onClick={() =>
        sign.mutate(undefined, {
          onSuccess: (checkpoint) =>
            notifications.show({ color: 'green', title: 'Checkpoint signed', message: `The log is signed at size ${checkpoint.treeSize}.` }),
          onError: (error) => notifications.show({ color: 'red', title: 'No checkpoint signed', message: describeError(error) }),
        })
      }
    >
      {label}
    </Button>
  );
}
