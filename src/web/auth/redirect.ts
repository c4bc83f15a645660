/**
 * Where to go after signing in. Only paths inside this application are accepted, so a crafted
 * link such as /login?next=https://evil.example cannot send a person elsewhere.
 */
export function safeNextPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return '/';
  return raw;
}

export type LoginReason = 'expired' | 'signed-out';

export function loginPath(next: string, reason?: LoginReason): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
