import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { describeError } from '../api/errors.ts';

/** Shown before the application knows who is signed in. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center component="main" mih="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed">{label}…</Text>
      </Stack>
    </Center>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center component="main" mih="100vh" p="md">
      <Alert color="red" title="aims cannot start" role="alert" maw={480}>
        <Stack gap="sm">
          <Text size="sm">{describeError(error)}</Text>
          <Button onClick={onRetry} variant="light" color="red" w="fit-content">
            Try again
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}
