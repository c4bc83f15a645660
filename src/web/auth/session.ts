import { api, rememberCsrfToken, unwrap } from '../api/client.ts';
import type { Me } from '../api/types.ts';

/** The signed-in person is one cached query; everything about "who am I" reads it. */
export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  const me = unwrap(await api.GET('/api/me'));
  rememberCsrfToken(me.csrfToken);
  return me;
}

export async function signIn(email: string, password: string): Promise<Me> {
  const me = unwrap(await api.POST('/api/auth/login', { body: { email, password } }));
  rememberCsrfToken(me.csrfToken);
  return me;
}

export async function signOut(): Promise<void> {
  try {
    unwrap(await api.POST('/api/auth/logout'));
  } finally {
    // Even when the server already ended the session, this browser must forget it.
    rememberCsrfToken(null);
  }
}
