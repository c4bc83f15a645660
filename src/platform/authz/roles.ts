/** The roles of aims. A user may hold several in one organisation. */
export const ROLES = [
  'admin',
  'council_member',
  'compliance_officer',
  'risk_manager',
  'model_owner',
  'dpo',
  'reviewer',
  'internal_auditor',
  'external_auditor',
  'employee',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Sets up the organisation, users, roles, single sign-on and retention.',
  council_member: 'AI Governance Council: approves policies, high-impact models, risk acceptances and the SoA.',
  compliance_officer: 'AIMS manager: runs the gap assessment, owns the SoA and the documentation pack.',
  risk_manager: 'Keeps the AI risk register, the method and the treatment plans.',
  model_owner: 'Registers models and datasets, runs fairness checks from CI, requests stage changes.',
  dpo: 'Data protection officer: DPIAs, data-subject requests, lawful bases.',
  reviewer: 'Reviews flagged high-impact decisions and confirms or overrides them.',
  internal_auditor: 'Plans internal audits, records findings, follows corrective actions.',
  external_auditor: 'Read-only and time-boxed: samples evidence, verifies the audit trail, reads the pack.',
  employee: 'Reads and acknowledges policies, completes assigned training.',
};

/** Roles that must carry an expiry date when granted. */
export const ROLES_REQUIRING_EXPIRY: ReadonlySet<Role> = new Set<Role>(['external_auditor']);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
