import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import type { Page } from '../../platform/http/schemas.ts';
import { appendEvent } from '../ledger/append.service.ts';
import { hashPassword } from './passwords.ts';
import { validateRoleGrants } from './role-grants.ts';
import type { CreateUserInput, UpdateUserInput, User, UsersListQuery } from './schema.ts';
import { generatePassword } from './secrets.ts';
import { revokeSessionsOf } from './sessions.repository.ts';
import { revokeTokensOf } from './tokens.repository.ts';
import * as repo from './users.repository.ts';
import { toUsers } from './users.view.ts';

export async function listUsers(ctx: ServiceContext, query: UsersListQuery): Promise<Page<User>> {
  const { rows, total } = await repo.listMembers(ctx.db, ctx.actor.organisationId, query);
  const roles = await repo.rolesOf(ctx.db, rows.map((r) => r.membership_id));
  return { items: toUsers(rows, roles, nowIso()), total, limit: query.limit, offset: query.offset };
}

async function loadUser(db: DbOrTx, organisationId: string, userId: string): Promise<User> {
  const row = await repo.findMember(db, organisationId, userId);
  if (!row) throw notFound('User');
  return toUsers([row], await repo.rolesOf(db, [row.membership_id]), nowIso())[0]!;
}

export async function getUser(ctx: ServiceContext, userId: string): Promise<User> {
  return loadUser(ctx.db, ctx.actor.organisationId, userId);
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  const now = nowIso();
  const roles = validateRoleGrants(input.roles, now);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return ctx.db.transaction().execute(async (tx) => {
    const orgId = ctx.actor.organisationId;
    if (await repo.findMemberByEmail(tx, orgId, input.email)) {
      throw new AppError('already_exists', 'A user with this email already belongs to the organisation.', { field: 'email' });
    }
    // People are global (one login across organisations); membership is per organisation. An
    // existing account joins with its own name and password untouched.
    const existing = await repo.findUserByEmail(tx, input.email);
    const userId = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      await repo.insertUsers(tx, [
        { id: userId, email: input.email, name: input.name, password_hash: passwordHash, failed_logins: 0, locked_until: null, created_at: now, updated_at: now },
      ]);
    }
    const membershipId = crypto.randomUUID();
    await repo.insertMemberships(tx, [
      { id: membershipId, organisation_id: orgId, user_id: userId, name: existing?.name ?? input.name, email: input.email, department: input.department ?? null, status: 'active', created_at: now, updated_at: now, version: 1 },
    ]);
    await repo.insertRoles(tx, roles.map((r) => ({ membership_id: membershipId, role: r.role, expires_at: r.expiresAt })));
    await appendEvent(tx, ctx, {
      action: 'identity.user.created',
      resource: { type: 'user', id: userId, isPerson: true },
      changes: [
        { field: 'email', new: input.email },
        { field: 'department', new: input.department ?? null },
        { field: 'roles', new: roles },
        { field: 'password', new: passwordHash ? 'set' : null },
      ],
    });
    return loadUser(tx, orgId, userId);
  });
}

async function countOtherActiveAdmins(db: DbOrTx, organisationId: string, exceptMembershipId: string): Promise<number> {
  const now = nowIso();
  const row = await db
    .selectFrom('membership_roles as r')
    .innerJoin('memberships as m', 'm.id', 'r.membership_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.organisation_id', '=', organisationId)
    .where('m.status', '=', 'active')
    .where('r.role', '=', 'admin')
    .where('m.id', '!=', exceptMembershipId)
    .where((eb) => eb.or([eb('r.expires_at', 'is', null), eb('r.expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function requireAnotherAdmin(db: DbOrTx, organisationId: string, membershipId: string): Promise<void> {
  if ((await countOtherActiveAdmins(db, organisationId, membershipId)) === 0) {
    throw new AppError('invalid_state', 'The organisation must keep at least one active administrator.');
  }
}

/** Rejects changes to a person's global account (name, password) by an admin of only one of their organisations. */
async function requireSoleOrganisation(db: DbOrTx, userId: string, organisationId: string): Promise<void> {
  const all = await repo.activeMembershipsOf(db, userId);
  if (all.some((m) => m.id !== organisationId)) {
    throw new AppError('invalid_state', 'This person also belongs to another organisation; only they can change their name or password.');
  }
}

export async function updateUser(ctx: ServiceContext, userId: string, input: UpdateUserInput): Promise<User> {
  const now = nowIso();
  const roles = input.roles ? validateRoleGrants(input.roles, now) : undefined;
  return ctx.db.transaction().execute(async (tx) => {
    const orgId = ctx.actor.organisationId;
    const member = await repo.findMember(tx, orgId, userId);
    if (!member) throw notFound('User');
    if (member.version !== input.version) throw conflict(undefined, { currentVersion: member.version });
    if (roles && !roles.some((r) => r.role === 'admin') && member.status === 'active') {
      const held = await repo.rolesOf(tx, [member.membership_id]);
      if (held.some((r) => r.role === 'admin')) await requireAnotherAdmin(tx, orgId, member.membership_id);
    }
    if (input.name !== undefined && input.name !== member.name) {
      await requireSoleOrganisation(tx, userId, orgId);
      await repo.updateUser(tx, userId, { name: input.name }, now);
    }
    const membershipChanges = input.department !== undefined ? { department: input.department } : {};
    if (!(await repo.updateMembership(tx, orgId, member.membership_id, input.version, membershipChanges, now))) throw conflict();
    const before = (await repo.rolesOf(tx, [member.membership_id])).map((r) => ({ role: r.role, expiresAt: r.expires_at }));
    if (roles) {
      await repo.deleteRoles(tx, member.membership_id);
      await repo.insertRoles(tx, roles.map((r) => ({ membership_id: member.membership_id, role: r.role, expires_at: r.expiresAt })));
    }
    const changes: Array<{ field: string; old: unknown; new: unknown }> = [];
    if (input.name !== undefined && input.name !== member.name) changes.push({ field: 'name', old: member.name, new: input.name });
    if (input.department !== undefined && input.department !== member.department) changes.push({ field: 'department', old: member.department, new: input.department });
    if (roles) changes.push({ field: 'roles', old: before, new: roles });
    await appendEvent(tx, ctx, { action: 'identity.user.updated', resource: { type: 'user', id: userId, isPerson: true }, changes });
    return loadUser(tx, orgId, userId);
  });
}

export async function setUserStatus(ctx: ServiceContext, userId: string, version: number, status: 'active' | 'deactivated'): Promise<User> {
  const now = nowIso();
  return ctx.db.transaction().execute(async (tx) => {
    const orgId = ctx.actor.organisationId;
    const member = await repo.findMember(tx, orgId, userId);
    if (!member) throw notFound('User');
    if (member.version !== version) throw conflict(undefined, { currentVersion: member.version });
    if (member.status === status) throw new AppError('invalid_state', `The user is already ${status}.`);
    if (status === 'deactivated') {
      if (userId === ctx.actor.userId) throw new AppError('invalid_state', 'You cannot deactivate yourself.');
      await requireAnotherAdmin(tx, orgId, member.membership_id);
      // Deactivation ends access at once: open sessions and API tokens stop working.
      await revokeSessionsOf(tx, orgId, userId, now);
      await revokeTokensOf(tx, orgId, userId, now);
    }
    if (!(await repo.updateMembership(tx, orgId, member.membership_id, version, { status }, now))) throw conflict();
    await appendEvent(tx, ctx, {
      action: status === 'active' ? 'identity.user.reactivated' : 'identity.user.deactivated',
      resource: { type: 'user', id: userId, isPerson: true },
      changes: [{ field: 'status', old: member.status, new: status }],
    });
    return loadUser(tx, orgId, userId);
  });
}

/** Sets a password, or generates a temporary one that is returned once and never stored in clear. */
export async function setUserPassword(
  ctx: ServiceContext,
  userId: string,
  password: string | undefined,
): Promise<{ temporaryPassword: string | null }> {
  const orgId = ctx.actor.organisationId;
  const member = await repo.findMember(ctx.db, orgId, userId);
  if (!member) throw notFound('User');
  await requireSoleOrganisation(ctx.db, userId, orgId);
  const chosen = password ?? generatePassword();
  const hash = await hashPassword(chosen);
  const now = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, userId, { password_hash: hash, failed_logins: 0, locked_until: null }, now);
    await revokeSessionsOf(tx, orgId, userId, now);
    await appendEvent(tx, ctx, { action: 'identity.user.password_set', resource: { type: 'user', id: userId, isPerson: true }, changes: [{ field: 'password', new: password ? 'chosen' : 'generated' }] });
  });
  return { temporaryPassword: password ? null : chosen };
}
