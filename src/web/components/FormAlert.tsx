import { Alert } from '@mantine/core';
import { describeError } from '../api/errors.ts';

/** The server's refusal of a form, above the fields; field-level messages go next to their inputs. */
export function FormAlert({ error, title = 'Not saved' }: { error: unknown; title?: string }) {
  if (error == null) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {describeError(error)}
    </Alert>
  );
}
