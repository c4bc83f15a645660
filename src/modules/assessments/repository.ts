import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { AssessmentResultsTable, AssessmentSnapshotsTable, AssessmentsTable } from '../../platform/db/tables.ts';

/** All SQL of gap assessments, always scoped to one organisation. */
export async function insertAssessment(db: DbOrTx, row: AssessmentsTable): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

const RESULT_COLUMNS = ['id', 'organisation_id', 'assessment_id', 'item_id', 'position', 'workflow_status', 'result', 'justification', 'maturity', 'owner_id', 'due_date', 'notes', 'updated_at', 'version'] as const;

export async function insertResults(db: DbOrTx, rows: AssessmentResultsTable[]): Promise<void> {
  await bulkInsert(db, 'assessment_results', RESULT_COLUMNS, rows);
}

export async function listAssessments(db: DbOrTx, organisationId: string): Promise<AssessmentsTable[]> {
  return db.selectFrom('assessments').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();
}

export async function findAssessment(db: DbOrTx, organisationId: string, id: string): Promise<AssessmentsTable | undefined> {
  return db.selectFrom('assessments').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function resultsOf(db: DbOrTx, organisationId: string, assessmentIds: string[]): Promise<AssessmentResultsTable[]> {
  if (assessmentIds.length === 0) return [];
  return db.selectFrom('assessment_results').selectAll().where('organisation_id', '=', organisationId).where('assessment_id', 'in', assessmentIds).orderBy('position').execute();
}

export async function findResult(db: DbOrTx, organisationId: string, assessmentId: string, resultId: string): Promise<AssessmentResultsTable | undefined> {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', resultId)
    .executeTakeFirst();
}

export async function updateResult(
  db: DbOrTx,
  organisationId: string,
  resultId: string,
  version: number,
  changes: Partial<Omit<AssessmentResultsTable, 'id' | 'organisation_id' | 'assessment_id' | 'item_id' | 'position' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('assessment_results')
    .set({ ...changes, version: sql`version + 1` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', resultId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchAssessment(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('assessments').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function insertSnapshot(db: DbOrTx, row: AssessmentSnapshotsTable): Promise<void> {
  await db.insertInto('assessment_snapshots').values(row).execute();
}

export async function listSnapshots(db: DbOrTx, organisationId: string, assessmentId: string): Promise<AssessmentSnapshotsTable[]> {
  return db.selectFrom('assessment_snapshots').selectAll().where('organisation_id', '=', organisationId).where('assessment_id', '=', assessmentId).orderBy('taken_at').execute();
}

export async function findSnapshot(db: DbOrTx, organisationId: string, assessmentId: string, id: string): Promise<AssessmentSnapshotsTable | undefined> {
  return db
    .selectFrom('assessment_snapshots')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function resultExists(db: DbOrTx, organisationId: string, resultId: string): Promise<boolean> {
  return (await db.selectFrom('assessment_results').select('id').where('organisation_id', '=', organisationId).where('id', '=', resultId).executeTakeFirst()) !== undefined;
}
