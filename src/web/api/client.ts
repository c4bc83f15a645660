import { createAimsClient } from '../../platform/api-client/client.ts';

/**
 * The one API client of the web application. The session cookie travels by itself; the CSRF
 * token does not, so we keep the one the server gave us (login or GET /api/me) and the client
 * adds it to every change.
 */
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For the few calls the typed client cannot make well (raw file uploads). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

export const api = createAimsClient({ baseUrl: '', csrfToken: () => csrfToken });

export { ApiError, unwrap } from '../../platform/api-client/client.ts';
