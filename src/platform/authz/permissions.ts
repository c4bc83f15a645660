import { ROLES, type Role } from './roles.ts';

/**
 * Permissions are declared by each module in its policy.ts and collected here. A permission is a
 * read or a write; a write can never be granted to the external auditor, which keeps that role
 * read-only whatever a module declares.
 */
export type PermissionKind = 'read' | 'write';

export interface PermissionRule {
  kind: PermissionKind;
  roles: readonly Role[];
  description: string;
}

const registry = new Map<string, PermissionRule & { module: string }>();

export class PolicyError extends Error {}

export function definePolicy<const P extends Record<string, PermissionRule>>(module: string, rules: P): { [K in keyof P]: K } {
  const names = {} as { [K in keyof P]: K };
  for (const [name, rule] of Object.entries(rules)) {
    if (!name.startsWith(`${module}.`)) throw new PolicyError(`permission ${name} must start with "${module}."`);
    if (rule.kind === 'write' && rule.roles.includes('external_auditor')) {
      throw new PolicyError(`permission ${name} is a write and cannot be granted to external_auditor`);
    }
    const existing = registry.get(name);
    if (existing && existing.module !== module) throw new PolicyError(`permission ${name} declared twice`);
    registry.set(name, { ...rule, module });
    (names as Record<string, string>)[name] = name;
  }
  return names;
}

export function permissionRule(name: string): (PermissionRule & { module: string }) | undefined {
  return registry.get(name);
}

export function allPermissions(): string[] {
  return [...registry.keys()].sort();
}

export function permissionsOfRoles(roles: Iterable<Role>): Set<string> {
  const held = new Set(roles);
  const out = new Set<string>();
  for (const [name, rule] of registry) {
    if (rule.roles.some((r) => held.has(r))) out.add(name);
  }
  return out;
}

/** The policy as a table, for the roles page and the documentation. */
export function policyTable(): Array<{ permission: string; kind: PermissionKind; description: string; roles: Role[] }> {
  return allPermissions().map((permission) => {
    const rule = registry.get(permission)!;
    return { permission, kind: rule.kind, description: rule.description, roles: ROLES.filter((r) => rule.roles.includes(r)) };
  });
}
