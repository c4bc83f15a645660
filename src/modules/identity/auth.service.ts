import type { Actor } from '../../platform/authz/actor.ts';
import type { AimsConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { addMinutes, nowIso } from '../../platform/db/time.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findOrganisation } from './organisations.repository.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import type { Me } from './schema.ts';
import { randomSecret, sha256Hex } from './secrets.ts';
import { insertSession, revokeSession } from './sessions.repository.ts';
import { activeMembershipsOf, findUserByEmail, rolesOf, updateUser } from './users.repository.ts';

const MAX_FAILED_LOGINS = 10;
const LOCK_MINUTES = 15;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Opens a session for a user in an organisation; shared by password and single sign-on login. */
export async function openSession(
  db: Db,
  config: AimsConfig,
  userId: string,
  organisationId: string,
  authMethod: 'password' | 'oidc',
): Promise<NewSession> {
  const now = nowIso();
  const token = randomSecret(32);
  const csrfToken = randomSecret(24);
  const expiresAt = addMinutes(now, config.sessionAbsoluteHours * 60);
  await insertSession(db, {
    id: sha256Hex(token),
    user_id: userId,
    organisation_id: organisationId,
    csrf_token: csrfToken,
    auth_method: authMethod,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    revoked_at: null,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * Password login. Every failure, whether the account is missing, deactivated, locked or the
 * password is wrong, answers the same `invalid_credentials` in about the same time, so the
 * endpoint never tells whether an account exists.
 */
export async function loginWithPassword(
  db: Db,
  config: AimsConfig,
  input: { email: string; password: string; organisation?: string | undefined },
): Promise<NewSession> {
  const invalid = new AppError('invalid_credentials');
  const user = await findUserByEmail(db, input.email);
  if (!user || !user.password_hash) {
    await burnPasswordCheck(input.password);
    throw invalid;
  }
  const now = nowIso();
  if (user.locked_until && user.locked_until > now) {
    await burnPasswordCheck(input.password);
    throw invalid;
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failed = user.failed_logins + 1;
    await updateUser(
      db,
      user.id,
      failed >= MAX_FAILED_LOGINS ? { failed_logins: 0, locked_until: addMinutes(now, LOCK_MINUTES) } : { failed_logins: failed },
      now,
    );
    throw invalid;
  }
  const memberships = await activeMembershipsOf(db, user.id);
  const chosen = input.organisation ? memberships.find((m) => m.slug === input.organisation) : memberships[0];
  if (!chosen) throw invalid;
  if (user.failed_logins > 0 || user.locked_until) await updateUser(db, user.id, { failed_logins: 0, locked_until: null }, now);
  return openSession(db, config, user.id, chosen.id, 'password');
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  if (actor.sessionId) await revokeSession(db, actor.sessionId, nowIso());
}

export async function describeMe(db: Db, actor: Actor, authMethod: 'session' | 'token', csrfToken: string | null): Promise<Me> {
  if (!actor.userId) throw new AppError('unauthenticated');
  const [user, organisation, memberships] = await Promise.all([
    db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    findOrganisation(db, actor.organisationId),
    activeMembershipsOf(db, actor.userId),
  ]);
  const current = memberships.find((m) => m.id === actor.organisationId);
  const roleRows = current ? await rolesOf(db, [current.membership_id]) : [];
  const now = nowIso();
  return {
    user,
    organisation: { id: organisation!.id, slug: organisation!.slug, name: organisation!.name },
    organisations: memberships.map((m) => ({ id: m.id, slug: m.slug, name: m.name })),
    roles: roleRows
      .filter((r) => actor.roles.includes(r.role as never) && (r.expires_at === null || r.expires_at > now))
      .map((r) => ({ role: r.role as Me['roles'][number]['role'], expiresAt: r.expires_at })),
    permissions: [...actor.permissions].sort(),
    authMethod,
    csrfToken,
  };
}
