import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/**
 * A secret the server returns once (an API token, a temporary password). It is not stored
 * anywhere in the browser: closing the dialog forgets it for good, hence the warning.
 */
export function SecretReveal({ label, secret, warning }: { label: string; secret: string; warning: string }) {
  const labelId = useId();
  return (
    <Stack gap="sm">
      <Alert color="yellow" title="Copy it now" role="status">
        {warning}
      </Alert>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block aria-labelledby={labelId} data-testid="secret-value" style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} aria-live="polite">
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
