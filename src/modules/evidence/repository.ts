import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { EvidenceFilesTable, EvidenceTable } from '../../platform/db/tables.ts';
import { parseSort } from '../../platform/http/schemas.ts';
import type { EvidenceListQuery } from './schema.ts';

export async function insertEvidence(db: DbOrTx, row: EvidenceTable): Promise<void> {
  await db.insertInto('evidence').values(row).execute();
}

export async function findEvidence(db: DbOrTx, organisationId: string, id: string): Promise<EvidenceTable | undefined> {
  return db.selectFrom('evidence').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function listEvidence(db: DbOrTx, organisationId: string, q: EvidenceListQuery, today: string, soon: string) {
  let base = db.selectFrom('evidence as e').where('e.organisation_id', '=', organisationId);
  if (q.reviewStatus) base = base.where('e.review_status', '=', q.reviewStatus);
  if (q.expiry === 'no_expiry') base = base.where('e.expires_on', 'is', null);
  if (q.expiry === 'expired') base = base.where('e.expires_on', '<', today);
  if (q.expiry === 'expiring_soon') base = base.where('e.expires_on', '>=', today).where('e.expires_on', '<=', soon);
  if (q.expiry === 'valid') base = base.where('e.expires_on', '>', soon);
  if (q.resultId) {
    const resultId = q.resultId;
    base = base.where((eb) => eb.exists(eb.selectFrom('evidence_links as l').select('l.result_id').whereRef('l.evidence_id', '=', 'e.id').where('l.result_id', '=', resultId)));
  }
  if (q.q) base = base.where(sql<boolean>`lower(e.title) like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const { field, direction } = parseSort(q.sort);
  const [rows, count] = await Promise.all([
    base.selectAll('e').orderBy(`e.${field as 'created_at' | 'title' | 'expires_on'}`, direction).orderBy('e.id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateEvidence(db: DbOrTx, organisationId: string, id: string, version: number, changes: Partial<EvidenceTable>): Promise<boolean> {
  const r = await db
    .updateTable('evidence')
    .set({ ...changes, version: sql`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function filesOf(db: DbOrTx, organisationId: string, ids: string[]): Promise<EvidenceFilesTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('evidence_files').selectAll().where('organisation_id', '=', organisationId).where('evidence_id', 'in', ids).orderBy('file_version').execute();
}

export async function insertFile(db: DbOrTx, row: EvidenceFilesTable): Promise<void> {
  await db.insertInto('evidence_files').values(row).execute();
}

export async function linksOf(db: DbOrTx, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('evidence_links').select(['evidence_id', 'result_id']).where('organisation_id', '=', organisationId).where('evidence_id', 'in', ids).execute();
}

export async function insertLink(db: DbOrTx, row: { evidence_id: string; organisation_id: string; result_id: string; created_at: string }): Promise<boolean> {
  const r = await db.insertInto('evidence_links').values(row).onConflict((oc) => oc.columns(['evidence_id', 'result_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLink(db: DbOrTx, organisationId: string, evidenceId: string, resultId: string): Promise<boolean> {
  const r = await db.deleteFrom('evidence_links').where('organisation_id', '=', organisationId).where('evidence_id', '=', evidenceId).where('result_id', '=', resultId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
