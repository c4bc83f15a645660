import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { MembershipsTable, UsersTable } from '../../platform/db/tables.ts';
import { parseSort } from '../../platform/http/schemas.ts';
import type { UsersListQuery } from './schema.ts';

/** All SQL about people and their memberships. Every query about members is scoped to one organisation. */
export interface MemberRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  membership_id: string;
  department: string | null;
  status: MembershipsTable['status'];
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RoleRow {
  membership_id: string;
  role: string;
  expires_at: string | null;
}

function membersQuery(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.organisation_id', '=', organisationId);
}

/** Filters and counts touch memberships alone; users are joined only for the rows of the page. */
function membershipsOf(db: DbOrTx, organisationId: string) {
  return db.selectFrom('memberships as m').where('m.organisation_id', '=', organisationId);
}

const memberColumns = [
  'u.id as id',
  'u.email as email',
  'u.name as name',
  'u.password_hash as password_hash',
  'm.id as membership_id',
  'm.department as department',
  'm.status as status',
  'm.created_at as created_at',
  'm.updated_at as updated_at',
  'm.version as version',
] as const;

export async function findMember(db: DbOrTx, organisationId: string, userId: string): Promise<MemberRow | undefined> {
  return membersQuery(db, organisationId).select(memberColumns).where('u.id', '=', userId).executeTakeFirst();
}

export async function findMemberByEmail(db: DbOrTx, organisationId: string, email: string): Promise<MemberRow | undefined> {
  return membersQuery(db, organisationId).select(memberColumns).where('u.email', '=', email).executeTakeFirst();
}

const sortColumns = { name: 'm.name', email: 'm.email', created_at: 'm.created_at', status: 'm.status' } as const;

export async function listMembers(db: DbOrTx, organisationId: string, q: UsersListQuery): Promise<{ rows: MemberRow[]; total: number }> {
  let base = membershipsOf(db, organisationId);
  if (q.status) base = base.where('m.status', '=', q.status);
  if (q.department) base = base.where('m.department', '=', q.department);
  if (q.role) {
    const role = q.role;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('membership_roles as r').select('r.role').whereRef('r.membership_id', '=', 'm.id').where('r.role', '=', role)),
    );
  }
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(m.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(m.email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const { field, direction } = parseSort(q.sort);
  const column = sortColumns[field as keyof typeof sortColumns];
  const [rows, count] = await Promise.all([
    base
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(memberColumns)
      .orderBy(column, direction)
      .orderBy('m.user_id', direction)
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function rolesOf(db: DbOrTx, membershipIds: string[]): Promise<RoleRow[]> {
  if (membershipIds.length === 0) return [];
  return db.selectFrom('membership_roles').selectAll().where('membership_id', 'in', membershipIds).execute();
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUsersByEmails(db: DbOrTx, emails: string[]): Promise<Array<{ id: string; email: string; name: string }>> {
  const out: Array<{ id: string; email: string; name: string }> = [];
  // Chunked to stay under SQLite's bound-parameter limit.
  for (let i = 0; i < emails.length; i += 500) {
    out.push(...(await db.selectFrom('users').select(['id', 'email', 'name']).where('email', 'in', emails.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function insertUsers(db: DbOrTx, rows: UsersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('users').values(rows.slice(i, i + 100)).execute();
}

export async function insertMemberships(db: DbOrTx, rows: MembershipsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('memberships').values(rows.slice(i, i + 100)).execute();
}

export async function insertRoles(db: DbOrTx, rows: RoleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('membership_roles').values(rows.slice(i, i + 200)).execute();
}

export async function deleteRoles(db: DbOrTx, membershipId: string): Promise<void> {
  await db.deleteFrom('membership_roles').where('membership_id', '=', membershipId).execute();
}

/** Optimistic update: changes the row only if nobody changed it since `version` was read. */
export async function updateMembership(
  db: DbOrTx,
  organisationId: string,
  membershipId: string,
  version: number,
  changes: Partial<Pick<MembershipsTable, 'department' | 'status'>>,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set({ ...changes, updated_at: updatedAt, version: sql`version + 1` })
    .where('id', '=', membershipId)
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateUser(db: DbOrTx, userId: string, changes: Partial<Pick<UsersTable, 'name' | 'password_hash' | 'failed_logins' | 'locked_until'>>, updatedAt: string): Promise<void> {
  await db.updateTable('users').set({ ...changes, updated_at: updatedAt }).where('id', '=', userId).execute();
  // Keep the memberships' copy of the name in step (it drives sorting and search).
  if (changes.name !== undefined) await db.updateTable('memberships').set({ name: changes.name }).where('user_id', '=', userId).execute();
}

export async function activeMembershipsOf(db: DbOrTx, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.id as membership_id', 'o.id as id', 'o.slug as slug', 'o.name as name'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .orderBy('m.created_at')
    .orderBy('o.slug')
    .execute();
}
