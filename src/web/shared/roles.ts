import type { Role } from '../api/types.ts';

/** How each role is named on screen; what a role may do comes from the server (GET /api/roles). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  council_member: 'AI Governance Council member',
  compliance_officer: 'Compliance officer',
  risk_manager: 'Risk manager',
  model_owner: 'Model owner',
  dpo: 'Data protection officer',
  reviewer: 'Human reviewer',
  internal_auditor: 'Internal auditor',
  external_auditor: 'External auditor',
  employee: 'Employee',
};

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Roles the server only grants with an end date (time-boxed access). */
export const ROLES_NEEDING_EXPIRY: ReadonlySet<Role> = new Set<Role>(['external_auditor']);

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export const ROLE_OPTIONS = ALL_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
