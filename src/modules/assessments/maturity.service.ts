import type { ServiceContext } from '../../platform/context.ts';
import { catalogueOf } from '../frameworks/service.ts';
import { requireAssessment } from './assessments.service.ts';
import { computeMaturity, computeReadiness, type MaturityInput } from './maturity.ts';
import * as repo from './repository.ts';
import { listEvidence } from '../evidence/service.ts';
import { listVersions as listSoaVersions } from '../soa/service.ts';

export interface ReadinessCheck {
  check: 'soa_approved' | 'evidence_current';
  ok: boolean;
  message: string;
}

/** Blockers beyond the results themselves: an unapproved SoA, and expired evidence behind this assessment's results. */
async function readinessChecks(ctx: ServiceContext, resultIds: Set<string>): Promise<ReadinessCheck[]> {
  const versions = await listSoaVersions(ctx);
  const approved = versions.find((v) => v.status === 'approved');
  const submitted = versions.find((v) => v.status === 'submitted');
  const soa: ReadinessCheck = approved
    ? { check: 'soa_approved', ok: true, message: `Statement of Applicability version ${approved.number} is approved.` }
    : { check: 'soa_approved', ok: false, message: submitted ? `Statement of Applicability version ${submitted.number} is waiting for approval.` : 'There is no approved Statement of Applicability.' };
  const expired = (await listEvidence(ctx, { limit: 500, offset: 0, sort: '-created_at', expiry: 'expired' })).items.filter((e) => e.linkedResults.some((id) => resultIds.has(id)));
  const evidence: ReadinessCheck =
    expired.length === 0
      ? { check: 'evidence_current', ok: true, message: 'No evidence behind these results has expired.' }
      : { check: 'evidence_current', ok: false, message: `${expired.length} piece(s) of evidence behind these results expired: ${expired.map((e) => e.title).join('; ')}.` };
  return [soa, evidence];
}

export async function maturityOf(ctx: ServiceContext, assessmentId: string) {
  const assessment = await requireAssessment(ctx, assessmentId);
  const orgId = ctx.actor.organisationId;
  const framework = (await catalogueOf(ctx)).frameworks.get(assessment.framework_id)?.framework;
  const items = framework?.items ?? [];
  const rows = await repo.resultsOf(ctx.db, orgId, [assessmentId]);
  const current: MaturityInput[] = rows.map((r) => ({ itemId: r.item_id, result: r.result, maturity: r.maturity }));
  const history = (await repo.listSnapshots(ctx.db, orgId, assessmentId)).map((s) => {
    const frozen = JSON.parse(s.results) as MaturityInput[];
    return { snapshotId: s.id, label: s.label, kind: s.kind, takenAt: s.taken_at, overall: computeMaturity(items, frozen).overall };
  });
  return {
    assessmentId,
    target: assessment.target_maturity === null ? null : Number(assessment.target_maturity),
    current: computeMaturity(items, current),
    readiness: { ...computeReadiness(items, current), checks: await readinessChecks(ctx, new Set(rows.map((r) => r.id))) },
    history,
  };
}
