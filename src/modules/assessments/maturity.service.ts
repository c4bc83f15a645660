import type { ServiceContext } from '../../platform/context.ts';
import { catalogueOf } from '../frameworks/service.ts';
import { requireAssessment } from './assessments.service.ts';
import { computeMaturity, computeReadiness, type MaturityInput } from './maturity.ts';
import * as repo from './repository.ts';

/** Checks the readiness verdict cannot make yet because the module that holds the data is not built. */
export const READINESS_NOT_YET_CHECKED = ['Statement of Applicability approval', 'evidence expiry'];

export async function maturityOf(ctx: ServiceContext, assessmentId: string) {
  const assessment = await requireAssessment(ctx, assessmentId);
  const orgId = ctx.actor.organisationId;
  const framework = (await catalogueOf(ctx)).frameworks.get(assessment.framework_id)?.framework;
  const items = framework?.items ?? [];
  const current: MaturityInput[] = (await repo.resultsOf(ctx.db, orgId, [assessmentId])).map((r) => ({ itemId: r.item_id, result: r.result, maturity: r.maturity }));
  const history = (await repo.listSnapshots(ctx.db, orgId, assessmentId)).map((s) => {
    const frozen = JSON.parse(s.results) as MaturityInput[];
    return { snapshotId: s.id, label: s.label, kind: s.kind, takenAt: s.taken_at, overall: computeMaturity(items, frozen).overall };
  });
  return {
    assessmentId,
    target: assessment.target_maturity === null ? null : Number(assessment.target_maturity),
    current: computeMaturity(items, current),
    readiness: { ...computeReadiness(items, current), notYetChecked: READINESS_NOT_YET_CHECKED },
    history,
  };
}
