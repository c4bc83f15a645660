import { useQuery } from '@tanstack/react-query';

export interface SsoStatus {
  enabled: boolean;
  label: string;
  startUrl: string;
}

const DISABLED: SsoStatus = { enabled: false, label: '', startUrl: '' };

/** Only same-site paths or http(s) addresses may become a link target. */
function isSafeLink(url: string): boolean {
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Single sign-on is optional and its endpoint may not exist on older servers, so any failure or
 * unexpected answer simply means "no SSO button". It is read with fetch because the typed client
 * only knows the routes of the OpenAPI document it was generated from.
 */
async function fetchSsoStatus(): Promise<SsoStatus> {
  try {
    const response = await fetch('/api/auth/sso', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) return DISABLED;
    const body = (await response.json()) as Partial<SsoStatus>;
    if (body.enabled !== true || typeof body.startUrl !== 'string' || !isSafeLink(body.startUrl)) return DISABLED;
    return { enabled: true, label: typeof body.label === 'string' && body.label ? body.label : 'Single sign-on', startUrl: body.startUrl };
  } catch {
    return DISABLED;
  }
}

export function useSsoStatus() {
  return useQuery({ queryKey: ['sso-status'], queryFn: fetchSsoStatus, staleTime: 5 * 60_000, retry: false });
}
