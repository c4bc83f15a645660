import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { describeError } from '../api/errors.ts';

/** Loading inside a page: announced to screen readers, never a blank area. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}…
        </Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="sm">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button onClick={onRetry} variant="light" color="red" size="xs" w="fit-content">
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
