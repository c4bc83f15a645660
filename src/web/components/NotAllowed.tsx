import { Alert, Text } from '@mantine/core';

/** A page the person's roles do not open; says which permission is missing instead of a blank page. */
export function NotAllowed({ what, permission }: { what: string; permission: string }) {
  return (
    <Alert color="orange" title="Not allowed" role="alert">
      <Text size="sm">
        You are not allowed to {what}. Your roles do not include the permission <code>{permission}</code>; ask an
        administrator if you need it.
      </Text>
    </Alert>
  );
}
