import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { SoaEntriesTable, SoaVersionsTable } from '../../platform/db/tables.ts';

export async function listVersions(db: DbOrTx, organisationId: string): Promise<SoaVersionsTable[]> {
  return db.selectFrom('soa_versions').selectAll().where('organisation_id', '=', organisationId).orderBy('number', 'desc').execute();
}

export async function findVersion(db: DbOrTx, organisationId: string, id: string): Promise<SoaVersionsTable | undefined> {
  return db.selectFrom('soa_versions').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertVersion(db: DbOrTx, row: SoaVersionsTable): Promise<void> {
  await db.insertInto('soa_versions').values(row).execute();
}

export async function updateVersion(db: DbOrTx, organisationId: string, id: string, version: number, changes: Partial<SoaVersionsTable>): Promise<boolean> {
  const r = await db
    .updateTable('soa_versions')
    .set({ ...changes, version: sql`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function supersedeApproved(db: DbOrTx, organisationId: string, exceptId: string, at: string): Promise<void> {
  await db
    .updateTable('soa_versions')
    .set({ status: 'superseded', updated_at: at, version: sql`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'approved')
    .where('id', '!=', exceptId)
    .execute();
}

export async function entriesOf(db: DbOrTx, organisationId: string, versionIds: string[]): Promise<SoaEntriesTable[]> {
  if (versionIds.length === 0) return [];
  return db.selectFrom('soa_entries').selectAll().where('organisation_id', '=', organisationId).where('soa_version_id', 'in', versionIds).orderBy('position').execute();
}

const ENTRY_COLUMNS = ['id', 'organisation_id', 'soa_version_id', 'control_id', 'title', 'source', 'position', 'applicable', 'justification', 'implementation_status', 'risk_refs', 'evidence_ids', 'version'] as const;

export async function insertEntries(db: DbOrTx, rows: SoaEntriesTable[]): Promise<void> {
  await bulkInsert(db, 'soa_entries', ENTRY_COLUMNS, rows);
}

export async function updateEntry(db: DbOrTx, organisationId: string, id: string, version: number, changes: Partial<SoaEntriesTable>): Promise<boolean> {
  const r = await db
    .updateTable('soa_entries')
    .set({ ...changes, version: sql`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records activity on a draft without bumping its lock version (entries have their own). */
export async function touchVersion(db: DbOrTx, organisationId: string, id: string, at: string): Promise<void> {
  await db.updateTable('soa_versions').set({ updated_at: at }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
