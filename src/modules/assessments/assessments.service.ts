import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import type { AssessmentResultsTable, AssessmentsTable } from '../../platform/db/tables.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { catalogueOf } from '../frameworks/service.ts';
import type { Framework } from '../frameworks/catalogue-schema.ts';
import { getUser } from '../identity/users.service.ts';
import { appendEvent } from '../ledger/append.service.ts';
import * as repo from './repository.ts';
import type { AssessmentView, ResultView, UpdateResultInput } from './schema.ts';

export function progressOf(rows: AssessmentResultsTable[]): AssessmentView['progress'] {
  const byResult: Record<string, number> = { compliant: 0, partially_compliant: 0, non_compliant: 0, not_applicable: 0, unassessed: 0 };
  const byWorkflow: Record<string, number> = { to_do: 0, in_progress: 0, in_review: 0, done: 0 };
  for (const r of rows) {
    byResult[r.result ?? 'unassessed']! += 1;
    byWorkflow[r.workflow_status]! += 1;
  }
  return { items: rows.length, assessed: rows.length - byResult.unassessed!, byResult, byWorkflow };
}

function toAssessment(row: AssessmentsTable, results: AssessmentResultsTable[]): AssessmentView {
  return { id: row.id, name: row.name, frameworkId: row.framework_id, scope: row.scope, status: row.status, targetMaturity: row.target_maturity === null ? null : Number(row.target_maturity), createdAt: row.created_at, updatedAt: row.updated_at, version: row.version, progress: progressOf(results) };
}

export function toResult(row: AssessmentResultsTable, framework: Framework | undefined): ResultView {
  const item = framework?.items.find((i) => i.id === row.item_id);
  return {
    id: row.id,
    itemId: row.item_id,
    itemTitle: item?.title ?? row.item_id,
    itemType: item?.type ?? 'requirement',
    parentId: item?.parent ?? null,
    mandatoryDocumentedInformation: item?.mandatoryDocumentedInformation ?? null,
    workflowStatus: row.workflow_status,
    result: row.result,
    justification: row.justification,
    maturity: row.maturity,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function listAssessments(ctx: ServiceContext): Promise<AssessmentView[]> {
  const rows = await repo.listAssessments(ctx.db, ctx.actor.organisationId);
  const results = await repo.resultsOf(ctx.db, ctx.actor.organisationId, rows.map((r) => r.id));
  return rows.map((row) => toAssessment(row, results.filter((r) => r.assessment_id === row.id)));
}

export async function requireAssessment(ctx: ServiceContext, id: string): Promise<AssessmentsTable> {
  const row = await repo.findAssessment(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFound('Assessment');
  return row;
}

export async function getAssessment(ctx: ServiceContext, id: string) {
  const row = await requireAssessment(ctx, id);
  const results = await repo.resultsOf(ctx.db, ctx.actor.organisationId, [id]);
  const framework = (await catalogueOf(ctx)).frameworks.get(row.framework_id)?.framework;
  return { assessment: toAssessment(row, results), results: results.map((r) => toResult(r, framework)) };
}

/** Creates an assessment with one row, "to do", for every assessable item of the framework. */
export async function createAssessment(ctx: ServiceContext, input: { name: string; frameworkId: string; targetMaturity?: number | undefined }) {
  const framework = (await catalogueOf(ctx)).frameworks.get(input.frameworkId)?.framework;
  if (!framework) throw new AppError('validation_failed', `Unknown framework "${input.frameworkId}".`, { issues: [{ in: 'body', path: 'frameworkId', message: 'unknown framework' }] });
  const now = nowIso();
  const id = crypto.randomUUID();
  const orgId = ctx.actor.organisationId;
  const items = framework.items.filter((i) => i.assessable);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertAssessment(tx, { id, organisation_id: orgId, name: input.name, framework_id: framework.id, scope: 'aims', ai_system_id: null, status: 'active', target_maturity: input.targetMaturity ?? null, created_at: now, updated_at: now, version: 1 });
    await repo.insertResults(
      tx,
      items.map((item, position) => ({
        id: crypto.randomUUID(),
        organisation_id: orgId,
        assessment_id: id,
        item_id: item.id,
        position,
        workflow_status: 'to_do' as const,
        result: null,
        justification: null,
        maturity: null,
        owner_id: null,
        due_date: null,
        notes: null,
        updated_at: now,
        version: 1,
      })),
    );
    await appendEvent(tx, ctx, { action: 'assessments.assessment.created', resource: { type: 'assessment', id }, changes: [{ field: 'framework', new: framework.id }, { field: 'items', new: items.length }] });
  });
  return getAssessment(ctx, id);
}

const FIELD_COLUMNS = {
  workflowStatus: 'workflow_status',
  result: 'result',
  justification: 'justification',
  maturity: 'maturity',
  ownerId: 'owner_id',
  dueDate: 'due_date',
  notes: 'notes',
} as const;

/**
 * Records a result. A not-applicable result needs a justification (an auditor will ask why), and
 * the owner must be an active person of the organisation. Optimistic locking on version.
 */
export async function updateResult(ctx: ServiceContext, assessmentId: string, resultId: string, input: UpdateResultInput): Promise<ResultView> {
  const assessment = await requireAssessment(ctx, assessmentId);
  const orgId = ctx.actor.organisationId;
  const current = await repo.findResult(ctx.db, orgId, assessmentId, resultId);
  if (!current) throw notFound('Result');
  if (current.version !== input.version) throw conflict(undefined, { currentVersion: current.version });
  const result = input.result === undefined ? current.result : input.result;
  const justification = input.justification === undefined ? current.justification : input.justification || null;
  if (result === 'not_applicable' && !justification) {
    throw new AppError('validation_failed', 'A not-applicable result needs a justification.', { issues: [{ in: 'body', path: 'justification', message: 'required when the result is not_applicable' }] });
  }
  if (input.ownerId) {
    try {
      const owner = await getUser(ctx, input.ownerId);
      if (owner.status !== 'active') throw notFound('User');
    } catch {
      throw new AppError('validation_failed', 'The owner must be an active person of the organisation.', { issues: [{ in: 'body', path: 'ownerId', message: 'unknown or inactive person' }] });
    }
  }
  const changes: Record<string, unknown> = {};
  const ledgerChanges: Array<{ field: string; old: unknown; new: unknown }> = [];
  for (const [field, column] of Object.entries(FIELD_COLUMNS) as Array<[keyof typeof FIELD_COLUMNS, (typeof FIELD_COLUMNS)[keyof typeof FIELD_COLUMNS]]>) {
    const value = field === 'justification' ? justification : input[field];
    if (value === undefined || value === current[column]) continue;
    changes[column] = value;
    ledgerChanges.push({ field, old: current[column], new: value });
  }
  const now = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await repo.updateResult(tx, orgId, resultId, input.version, { ...changes, updated_at: now }))) throw conflict();
    await repo.touchAssessment(tx, assessmentId, now);
    await appendEvent(tx, ctx, { action: 'assessments.result.updated', resource: { type: 'assessment_result', id: `${assessmentId}/${current.item_id}` }, changes: ledgerChanges });
  });
  const framework = (await catalogueOf(ctx)).frameworks.get(assessment.framework_id)?.framework;
  return toResult((await repo.findResult(ctx.db, orgId, assessmentId, resultId))!, framework);
}

/** For other modules (evidence links): whether a result id belongs to the actor's organisation. */
export async function resultExists(ctx: ServiceContext, resultId: string): Promise<boolean> {
  return repo.resultExists(ctx.db, ctx.actor.organisationId, resultId);
}
