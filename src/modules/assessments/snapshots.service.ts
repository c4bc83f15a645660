import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/time.ts';
import { notFound } from '../../platform/http/errors.ts';
import { catalogueOf } from '../frameworks/service.ts';
import { appendEvent } from '../ledger/append.service.ts';
import { requireAssessment } from './assessments.service.ts';
import * as repo from './repository.ts';

interface FrozenResult {
  itemId: string;
  workflowStatus: string;
  result: string | null;
  maturity: number | null;
}

const RESULT_RANK: Record<string, number> = { non_compliant: 0, partially_compliant: 1, compliant: 2 };

/** `takenAt` is for seeding a demo history; the API always takes snapshots now. */
export async function takeSnapshot(ctx: ServiceContext, assessmentId: string, input: { label: string; kind: 'baseline' | 'snapshot' }, takenAt: string = nowIso()) {
  await requireAssessment(ctx, assessmentId);
  const orgId = ctx.actor.organisationId;
  const frozen: FrozenResult[] = (await repo.resultsOf(ctx.db, orgId, [assessmentId])).map((r) => ({ itemId: r.item_id, workflowStatus: r.workflow_status, result: r.result, maturity: r.maturity }));
  const row = { id: crypto.randomUUID(), organisation_id: orgId, assessment_id: assessmentId, label: input.label, kind: input.kind, results: JSON.stringify(frozen), taken_at: takenAt };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertSnapshot(tx, row);
    await appendEvent(tx, ctx, { action: 'assessments.snapshot.taken', resource: { type: 'assessment_snapshot', id: row.id }, changes: [{ field: 'results', new: frozen }] });
  });
  return { id: row.id, label: row.label, kind: row.kind, takenAt: row.taken_at, assessed: frozen.filter((r) => r.result !== null).length };
}

export async function listSnapshots(ctx: ServiceContext, assessmentId: string) {
  await requireAssessment(ctx, assessmentId);
  return (await repo.listSnapshots(ctx.db, ctx.actor.organisationId, assessmentId)).map((s) => ({
    id: s.id,
    label: s.label,
    kind: s.kind,
    takenAt: s.taken_at,
    assessed: (JSON.parse(s.results) as FrozenResult[]).filter((r) => r.result !== null).length,
  }));
}

async function resultsAt(ctx: ServiceContext, assessmentId: string, ref: string): Promise<{ id: string; label: string; results: FrozenResult[] }> {
  if (ref === 'current') {
    const rows = await repo.resultsOf(ctx.db, ctx.actor.organisationId, [assessmentId]);
    return { id: 'current', label: 'Current', results: rows.map((r) => ({ itemId: r.item_id, workflowStatus: r.workflow_status, result: r.result, maturity: r.maturity })) };
  }
  const snapshot = await repo.findSnapshot(ctx.db, ctx.actor.organisationId, assessmentId, ref);
  if (!snapshot) throw notFound(`Snapshot "${ref}"`);
  return { id: snapshot.id, label: snapshot.label, results: JSON.parse(snapshot.results) as FrozenResult[] };
}

/** What changed between two snapshots (or a snapshot and now), item by item. */
export async function compare(ctx: ServiceContext, assessmentId: string, fromRef: string, toRef: string) {
  const assessment = await requireAssessment(ctx, assessmentId);
  const [from, to] = await Promise.all([resultsAt(ctx, assessmentId, fromRef), resultsAt(ctx, assessmentId, toRef)]);
  const framework = (await catalogueOf(ctx)).frameworks.get(assessment.framework_id)?.framework;
  const before = new Map(from.results.map((r) => [r.itemId, r]));
  const changes = [];
  let improved = 0;
  let worsened = 0;
  for (const after of to.results) {
    const prev = before.get(after.itemId);
    const fields: Array<{ field: 'workflowStatus' | 'result' | 'maturity'; from: unknown; to: unknown }> = [];
    for (const field of ['workflowStatus', 'result', 'maturity'] as const) {
      if ((prev?.[field] ?? null) !== after[field]) fields.push({ field, from: prev?.[field] ?? null, to: after[field] });
    }
    if (fields.length === 0) continue;
    const a = RESULT_RANK[prev?.result ?? ''];
    const b = RESULT_RANK[after.result ?? ''];
    // A result that rose (or appeared above non-compliant) improved; one that fell worsened.
    if (b !== undefined && (a === undefined ? b > 0 : b > a)) improved++;
    else if (a !== undefined && b !== undefined && b < a) worsened++;
    changes.push({ itemId: after.itemId, itemTitle: framework?.items.find((i) => i.id === after.itemId)?.title ?? after.itemId, fields });
  }
  return { from: { id: from.id, label: from.label }, to: { id: to.id, label: to.label }, changes, summary: { improved, worsened, changed: changes.length } };
}
