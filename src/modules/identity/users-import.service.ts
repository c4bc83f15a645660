import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import { isRole, type Role } from '../../platform/authz/roles.ts';
import { roleGrantProblems } from './role-grants.ts';
import * as repo from './users.repository.ts';
import { appendEvents } from '../ledger/append.service.ts';
import type { LedgerEventInput } from '../ledger/event.ts';
import { z } from 'zod';

export interface ImportError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  valid: number;
  created: number;
  errors: ImportError[];
}

interface ImportRow {
  email: string;
  name: string;
  department: string | null;
  roles: Array<{ role: Role; expiresAt: string | null }>;
}

const REQUIRED = ['email', 'name', 'roles'] as const;
const emailSchema = z.email().max(254);

function parseCsv(csv: string): { records: Record<string, string>[] } | { error: string } {
  try {
    const records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: false }) as Record<string, string>[];
    return { records };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function readRow(record: Record<string, string>, rowNumber: number, now: string, errors: ImportError[]): ImportRow | null {
  const before = errors.length;
  const email = (record.email ?? '').toLowerCase();
  if (!emailSchema.safeParse(email).success) errors.push({ row: rowNumber, field: 'email', message: `"${email}" is not an email address` });
  const name = record.name ?? '';
  if (name.length < 1 || name.length > 200) errors.push({ row: rowNumber, field: 'name', message: 'name is required (1-200 characters)' });
  const department = record.department ? record.department.slice(0, 100) : null;
  const roleNames = (record.roles ?? '').split(/[;|]/).map((r) => r.trim()).filter(Boolean);
  if (roleNames.length === 0) errors.push({ row: rowNumber, field: 'roles', message: 'at least one role is required' });
  const expiresAt = record.expires_at ? new Date(record.expires_at) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) errors.push({ row: rowNumber, field: 'expires_at', message: `"${record.expires_at}" is not a date` });
  const roles: ImportRow['roles'] = [];
  for (const r of roleNames) {
    if (!isRole(r)) errors.push({ row: rowNumber, field: 'roles', message: `unknown role "${r}"` });
    else roles.push({ role: r, expiresAt: r === 'external_auditor' && expiresAt && !Number.isNaN(expiresAt.getTime()) ? expiresAt.toISOString() : null });
  }
  for (const message of roleGrantProblems(roles, now)) errors.push({ row: rowNumber, field: 'roles', message });
  return errors.length === before ? { email, name, department, roles } : null;
}

/**
 * Bulk creation from CSV (header: email,name,department,roles[,expires_at]). A dry run reports
 * every bad row; a real run commits all rows in one transaction or none at all.
 */
export async function importUsers(ctx: ServiceContext, csv: string, dryRun: boolean): Promise<ImportResult> {
  const parsed = parseCsv(csv);
  if ('error' in parsed) return { dryRun, rows: 0, valid: 0, created: 0, errors: [{ row: 0, field: 'csv', message: parsed.error }] };
  const { records } = parsed;
  const errors: ImportError[] = [];
  const header = records[0] ? Object.keys(records[0]) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length === 0) errors.push({ row: 0, field: 'csv', message: 'the file has no data rows' });
  for (const c of missing) errors.push({ row: 1, field: c, message: `column "${c}" is missing from the header` });
  if (errors.length > 0) return { dryRun, rows: records.length, valid: 0, created: 0, errors };

  const now = nowIso();
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const rowNumber = i + 2; // the header is row 1
    const row = readRow(record, rowNumber, now, errors);
    if (!row) return;
    const first = seen.get(row.email);
    if (first) errors.push({ row: rowNumber, field: 'email', message: `${row.email} already appears on row ${first}` });
    else {
      seen.set(row.email, rowNumber);
      rows.push(row);
    }
  });

  return ctx.db.transaction().execute(async (tx) => {
    const orgId = ctx.actor.organisationId;
    const existing = new Map((await repo.findUsersByEmails(tx, rows.map((r) => r.email))).map((u) => [u.email, u]));
    const existingMembers = new Set<string>();
    if (existing.size > 0) {
      const members = await tx.selectFrom('memberships').select('user_id').where('organisation_id', '=', orgId).where('user_id', 'in', [...existing.values()].map((u) => u.id)).execute();
      for (const m of members) existingMembers.add(m.user_id);
    }
    for (const row of rows) {
      const id = existing.get(row.email)?.id;
      if (id && existingMembers.has(id)) errors.push({ row: seen.get(row.email)!, field: 'email', message: `${row.email} already belongs to the organisation` });
    }
    errors.sort((a, b) => a.row - b.row);
    const valid = rows.length - errors.filter((e) => e.field === 'email' && e.message.endsWith('already belongs to the organisation')).length;
    if (dryRun || errors.length > 0) return { dryRun, rows: records.length, valid, created: 0, errors };

    const users = [];
    const memberships = [];
    const roleRows: repo.RoleRow[] = [];
    const events: LedgerEventInput[] = [];
    for (const row of rows) {
      const userId = existing.get(row.email)?.id ?? crypto.randomUUID();
      if (!existing.has(row.email)) {
        users.push({ id: userId, email: row.email, name: row.name, password_hash: null, failed_logins: 0, locked_until: null, created_at: now, updated_at: now });
      }
      const membershipId = crypto.randomUUID();
      memberships.push({ id: membershipId, organisation_id: orgId, user_id: userId, name: existing.get(row.email)?.name ?? row.name, email: row.email, department: row.department, status: 'active' as const, created_at: now, updated_at: now, version: 1 });
      for (const r of row.roles) roleRows.push({ membership_id: membershipId, role: r.role, expires_at: r.expiresAt });
      events.push({
        action: 'identity.user.created',
        resource: { type: 'user', id: userId, isPerson: true },
        changes: [
          { field: 'email', new: row.email },
          { field: 'department', new: row.department },
          { field: 'roles', new: row.roles },
          { field: 'source', new: 'csv_import' },
        ],
      });
    }
    await repo.insertUsers(tx, users);
    await repo.insertMemberships(tx, memberships);
    await repo.insertRoles(tx, roleRows);
    await appendEvents(tx, ctx.actor, ctx.requestId, events);
    return { dryRun, rows: records.length, valid: rows.length, created: rows.length, errors: [] };
  });
}
