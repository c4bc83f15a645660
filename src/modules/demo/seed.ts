import { allPermissions } from '../../platform/authz/permissions.ts';
import { systemActor } from '../../platform/authz/actor.ts';
import { ROLES, type Role } from '../../platform/authz/roles.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { ensureOrganisation } from '../identity/organisations.service.ts';
import { generatePassword } from '../identity/secrets.ts';
import { findMemberByEmail } from '../identity/users.repository.ts';
import { createUser } from '../identity/users.service.ts';
import { seedDemoAssessment } from './assessment-seed.ts';

export const DEMO_ORG_SLUG = 'northwind';
export const DEMO_ORG_NAME = 'Northwind Lending';
export const DEMO_EMAIL_DOMAIN = 'northwind.example';

const DEMO_PEOPLE: Record<Role, { name: string; department: string }> = {
  admin: { name: 'Ada Admin', department: 'IT' },
  council_member: { name: 'Carmen Council', department: 'Executive' },
  compliance_officer: { name: 'Cole Compliance', department: 'Compliance' },
  risk_manager: { name: 'Rhea Risk', department: 'Risk' },
  model_owner: { name: 'Milo Modeler', department: 'Data Science' },
  dpo: { name: 'Dana Privacy', department: 'Legal' },
  reviewer: { name: 'Remy Reviewer', department: 'Operations' },
  internal_auditor: { name: 'Ines Audit', department: 'Internal Audit' },
  external_auditor: { name: 'Eli External', department: 'External' },
  employee: { name: 'Emma Employee', department: 'Customer Service' },
};

export function demoEmail(role: Role): string {
  return `${role}@${DEMO_EMAIL_DOMAIN}`;
}

export interface SeedResult {
  organisationCreated: boolean;
  usersCreated: string[];
  /** Set only when this run generated the password; it is shown once and never stored in clear. */
  generatedPassword: string | null;
  assessmentCreated: boolean;
}

/**
 * Seeds the demo organisation "Northwind Lending" with one user per role (`ROLE@northwind.example`).
 * Idempotent: a second run creates only what is missing and never changes a password.
 */
export async function seedDemo(db: Db, options: { password?: string | undefined }): Promise<SeedResult> {
  const { organisation, created } = await ensureOrganisation(db, DEMO_ORG_SLUG, DEMO_ORG_NAME);
  const ctx: ServiceContext = { db, actor: systemActor(organisation.id, organisation.slug, allPermissions()), requestId: null };
  const missing: Role[] = [];
  for (const role of ROLES) if (!(await findMemberByEmail(db, organisation.id, demoEmail(role)))) missing.push(role);
  const generatedPassword = missing.length > 0 && !options.password ? generatePassword() : null;
  const password = options.password ?? generatedPassword ?? undefined;
  // External auditors are time-boxed: the demo engagement runs for a year from seeding.
  const auditEnds = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
  for (const role of missing) {
    await createUser(ctx, {
      email: demoEmail(role),
      name: DEMO_PEOPLE[role].name,
      department: DEMO_PEOPLE[role].department,
      roles: [{ role, expiresAt: role === 'external_auditor' ? auditEnds : null }],
      password,
    });
  }
  const assessmentCreated = await seedDemoAssessment(ctx);
  return { organisationCreated: created, usersCreated: missing.map(demoEmail), generatedPassword, assessmentCreated };
}
