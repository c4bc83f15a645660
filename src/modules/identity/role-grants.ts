import { ROLES_REQUIRING_EXPIRY, type Role } from '../../platform/authz/roles.ts';
import { AppError } from '../../platform/http/errors.ts';

export interface RoleGrant {
  role: Role;
  expiresAt: string | null;
}

/** Rules on a set of role grants: no duplicates, expiry in the future, and an expiry where the role needs one. */
export function roleGrantProblems(grants: Array<{ role: Role; expiresAt?: string | null | undefined }>, now: string): string[] {
  const problems: string[] = [];
  const seen = new Set<Role>();
  for (const g of grants) {
    if (seen.has(g.role)) problems.push(`role ${g.role} is listed twice`);
    seen.add(g.role);
    const expiresAt = g.expiresAt ? new Date(g.expiresAt).toISOString() : null;
    if (ROLES_REQUIRING_EXPIRY.has(g.role) && !expiresAt) problems.push(`role ${g.role} needs an expiry date`);
    if (expiresAt && expiresAt <= now) problems.push(`the expiry date of role ${g.role} is in the past`);
  }
  return problems;
}

export function validateRoleGrants(grants: Array<{ role: Role; expiresAt?: string | null | undefined }>, now: string): RoleGrant[] {
  const problems = roleGrantProblems(grants, now);
  if (problems.length > 0) {
    throw new AppError('validation_failed', 'The roles are not valid.', { issues: problems.map((message) => ({ in: 'body', path: 'roles', message })) });
  }
  return grants.map((g) => ({ role: g.role, expiresAt: g.expiresAt ? new Date(g.expiresAt).toISOString() : null }));
}
