import type { AimsConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { addMinutes, nowIso } from '../../platform/db/time.ts';
import type { Authenticator } from '../../platform/http/authenticate.ts';
import { buildActor } from './actor-builder.ts';
import { sha256Hex } from './secrets.ts';
import { findSessionContext, touchSession } from './sessions.repository.ts';
import { findTokenContext, markTokenUsed } from './tokens.repository.ts';

// Writing last-seen on every request would turn every read into a write; once a minute is enough
// for idle expiry and "last used" displays.
const TOUCH_INTERVAL_MINUTES = 1;

export function createAuthenticator(db: Db, config: AimsConfig): Authenticator {
  return {
    async fromSessionCookie(cookie) {
      const now = nowIso();
      const s = await findSessionContext(db, sha256Hex(cookie));
      if (!s || s.revoked_at || s.expires_at <= now || s.membership_status !== 'active') return { error: 'session_expired' };
      if (addMinutes(s.last_seen_at, config.sessionIdleMinutes) <= now) return { error: 'session_expired' };
      if (addMinutes(s.last_seen_at, TOUCH_INTERVAL_MINUTES) <= now) await touchSession(db, s.session_id, now);
      const actor = await buildActor(
        db,
        {
          kind: 'user',
          userId: s.user_id,
          organisationId: s.organisation_id,
          organisationSlug: s.organisation_slug,
          membershipId: s.membership_id,
          sessionId: s.session_id,
        },
        now,
      );
      return { actor, csrfToken: s.csrf_token };
    },

    async fromBearerToken(token) {
      const now = nowIso();
      const t = await findTokenContext(db, sha256Hex(token));
      if (!t || t.revoked_at || t.expires_at <= now || t.membership_status !== 'active') return { error: 'invalid_token' };
      if (!t.last_used_at || addMinutes(t.last_used_at, TOUCH_INTERVAL_MINUTES) <= now) await markTokenUsed(db, t.token_id, now);
      const actor = await buildActor(
        db,
        {
          kind: 'token',
          userId: t.user_id,
          organisationId: t.organisation_id,
          organisationSlug: t.organisation_slug,
          membershipId: t.membership_id,
          tokenId: t.token_id,
          scopes: JSON.parse(t.scopes) as string[],
        },
        now,
      );
      return { actor };
    },
  };
}
