import { ApiError } from './client.ts';

/** What to tell a person about a failed call, in the server's words when it gave any. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** A 401 that means the session is gone, as opposed to a wrong password at login. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && (error.code === 'unauthenticated' || error.code === 'session_expired');
}

interface Issue {
  path?: unknown;
  message?: unknown;
}

/**
 * Server validation messages keyed by the top-level field they concern (`roles.0.expiresAt` ->
 * `roles`), so a form can show each one next to its input. Also reads `details.field`, which
 * the server sets for uniqueness errors such as a duplicate email.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const details = error.details as { issues?: Issue[]; field?: unknown };
  const out: Record<string, string> = {};
  for (const issue of details.issues ?? []) {
    const field = String(issue.path ?? '').split('.')[0] ?? '';
    if (field && typeof issue.message === 'string') out[field] = out[field] ? `${out[field]}; ${issue.message}` : issue.message;
  }
  if (typeof details.field === 'string' && !out[details.field]) out[details.field] = error.message;
  return out;
}
