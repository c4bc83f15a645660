import type { Role } from './roles.ts';

/** Who is acting, in which organisation, with what rights. Built once per request. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  organisationId: string;
  organisationSlug: string;
  roles: Role[];
  permissions: ReadonlySet<string>;
  sessionId?: string;
  tokenId?: string;
}

export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}

/** An actor for CLI commands and seeding, acting with every permission in one organisation. */
export function systemActor(organisationId: string, organisationSlug: string, permissions: Iterable<string>): Actor {
  return { kind: 'system', userId: null, organisationId, organisationSlug, roles: [], permissions: new Set(permissions) };
}
