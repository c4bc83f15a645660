import crypto from 'node:crypto';
import { systemActor, type Actor } from '../platform/authz/actor.ts';
import { allPermissions } from '../platform/authz/permissions.ts';
import type { Role } from '../platform/authz/roles.ts';
import type { ServiceContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { buildActor } from '../modules/identity/actor-builder.ts';
import { ensureOrganisation } from '../modules/identity/organisations.service.ts';
import { findMember } from '../modules/identity/users.repository.ts';
import { createUser } from '../modules/identity/users.service.ts';
import type { User } from '../modules/identity/schema.ts';
import { nowIso } from '../platform/db/time.ts';

/** Each test makes its own organisation and people instead of truncating tables. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestOrg {
  id: string;
  slug: string;
  system: ServiceContext;
}

export async function makeOrganisation(db: Db, name = 'Test Org'): Promise<TestOrg> {
  const slug = `org-${crypto.randomBytes(5).toString('hex')}`;
  const { organisation } = await ensureOrganisation(db, slug, name);
  return { id: organisation.id, slug, system: { db, actor: systemActor(organisation.id, slug, allPermissions()), requestId: null } };
}

export async function makeUser(
  org: TestOrg,
  roles: Role[],
  options: { email?: string; password?: string | null; expiresAt?: string } = {},
): Promise<User> {
  const email = options.email ?? `${roles.join('-') || 'user'}-${crypto.randomBytes(4).toString('hex')}@${org.slug}.test`;
  const expiresAt = options.expiresAt ?? new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  return createUser(org.system, {
    email,
    name: `Test ${roles.join(' ')}`,
    department: 'Testing',
    roles: roles.map((role) => ({ role, expiresAt: role === 'external_auditor' ? expiresAt : null })),
    ...(options.password === null ? {} : { password: options.password ?? TEST_PASSWORD }),
  });
}

/** A service context acting as the given user, with the rights their roles give. */
export async function actAs(db: Db, org: TestOrg, user: User): Promise<ServiceContext> {
  const member = await findMember(db, org.id, user.id);
  if (!member) throw new Error('no such member');
  const actor: Actor = await buildActor(db, { kind: 'user', userId: user.id, organisationId: org.id, organisationSlug: org.slug, membershipId: member.membership_id }, nowIso());
  return { db, actor, requestId: null };
}
