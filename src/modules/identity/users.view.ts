import type { RoleRow, MemberRow } from './users.repository.ts';
import type { User } from './schema.ts';

/** Turns member rows and their role rows into the API's User shape. */
export function toUsers(rows: MemberRow[], roles: RoleRow[], now: string): User[] {
  const byMembership = new Map<string, RoleRow[]>();
  for (const r of roles) {
    const list = byMembership.get(r.membership_id) ?? [];
    list.push(r);
    byMembership.set(r.membership_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    department: row.department,
    status: row.status,
    roles: (byMembership.get(row.membership_id) ?? [])
      .map((r) => ({ role: r.role as User['roles'][number]['role'], expiresAt: r.expires_at, expired: r.expires_at !== null && r.expires_at <= now }))
      .sort((a, b) => a.role.localeCompare(b.role)),
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }));
}
