import type { Actor } from '../../platform/authz/actor.ts';
import { permissionRule, permissionsOfRoles } from '../../platform/authz/permissions.ts';
import { isRole, type Role } from '../../platform/authz/roles.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rolesOf, type RoleRow } from './users.repository.ts';

/** Roles in force now: a role past its expiry date (an external auditor's engagement) no longer counts. */
export function rolesInForce(rows: RoleRow[], now: string): Role[] {
  return rows.filter((r) => isRole(r.role) && (r.expires_at === null || r.expires_at > now)).map((r) => r.role as Role);
}

/**
 * A token's scopes narrow its owner's permissions and never widen them: `*` keeps all, `read`
 * keeps the read permissions, and a permission name keeps that one.
 */
export function applyScopes(permissions: Set<string>, scopes: string[]): Set<string> {
  if (scopes.includes('*')) return permissions;
  const out = new Set<string>();
  for (const p of permissions) {
    if (scopes.includes(p) || (scopes.includes('read') && permissionRule(p)?.kind === 'read')) out.add(p);
  }
  return out;
}

export interface ActorSource {
  kind: 'user' | 'token';
  userId: string;
  organisationId: string;
  organisationSlug: string;
  membershipId: string;
  sessionId?: string;
  tokenId?: string;
  scopes?: string[];
}

export async function buildActor(db: DbOrTx, source: ActorSource, now: string): Promise<Actor> {
  const roles = rolesInForce(await rolesOf(db, [source.membershipId]), now);
  let permissions = permissionsOfRoles(roles);
  if (source.scopes) permissions = applyScopes(permissions, source.scopes);
  return {
    kind: source.kind,
    userId: source.userId,
    organisationId: source.organisationId,
    organisationSlug: source.organisationSlug,
    roles,
    permissions,
    ...(source.sessionId ? { sessionId: source.sessionId } : {}),
    ...(source.tokenId ? { tokenId: source.tokenId } : {}),
  };
}
