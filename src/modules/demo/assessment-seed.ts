import type { ServiceContext } from '../../platform/context.ts';
import { createAssessment, getAssessment, listAssessments, updateResult } from '../assessments/assessments.service.ts';
import { takeSnapshot } from '../assessments/snapshots.service.ts';

type Step = Record<string, [result: 'compliant' | 'partially_compliant' | 'non_compliant' | 'not_applicable', maturity: number | null]>;

const P = 'partially_compliant';
const C = 'compliant';
const N = 'non_compliant';

// Three moments of Northwind's journey: a baseline at maturity 2.1, a quarter later, and now.
const BASELINE: Step = {
  '4.1': [P, 2], '4.2': [P, 2], '4.3': [N, 2], '4.4': [P, 2], '5.1': [P, 3], '5.2': [N, 2], '5.3': [N, 2], '6.1.2': [P, 2],
  '6.1.4': [N, 2], '7.2': [P, 2], '7.3': [N, 2], '8.1': [P, 2], '8.2': [P, 2], '9.1': [P, 2], '10.2': [N, 2],
  'A.2.2': [N, 2], 'A.3.2': [N, 2], 'A.6.2.6': [P, 2], 'A.7.4': [P, 2], 'A.10.3': [P, 3],
};
const QUARTER: Step = { ...BASELINE, '5.2': [C, 3], 'A.2.2': [C, 3], '5.3': [P, 3], 'A.3.2': [P, 3], '4.3': [C, 3], '7.2': [P, 3] };
const NOW: Step = {
  ...QUARTER,
  '6.1.2': [C, 3], '6.1.3': [P, 3], '8.3': [P, 3], '6.2': [P, 3], 'A.5.2': [P, 3], 'A.5.4': [P, 2], 'A.7.2': [P, 3],
  'A.8.2': [P, 2], 'A.9.2': [P, 3], '9.2.1': [N, 2], '9.3.1': [N, 2], '8.1': [C, 3], '8.2': [P, 3], '9.1': [P, 3], 'A.6.2.6': [C, 3],
  'A.10.4': ['not_applicable', null],
};

async function apply(ctx: ServiceContext, assessmentId: string, step: Step): Promise<void> {
  const { results } = await getAssessment(ctx, assessmentId);
  for (const r of results) {
    const wanted = step[r.itemId];
    if (!wanted || (r.result === wanted[0] && r.maturity === wanted[1])) continue;
    await updateResult(ctx, assessmentId, r.id, {
      version: r.version,
      result: wanted[0],
      maturity: wanted[1],
      workflowStatus: wanted[0] === C || wanted[0] === 'not_applicable' ? 'done' : 'in_progress',
      ...(wanted[0] === 'not_applicable' ? { justification: 'Northwind provides no AI systems to customers; it only uses them in its own lending decisions.' } : {}),
    });
  }
}

/** A partly completed ISO/IEC 42001 gap assessment with a maturity history from 2.1, so a newcomer sees a living system. */
export async function seedDemoAssessment(ctx: ServiceContext): Promise<boolean> {
  if ((await listAssessments(ctx)).length > 0) return false;
  const { assessment } = await createAssessment(ctx, { name: 'ISO/IEC 42001 certification readiness', frameworkId: 'iso42001', targetMaturity: 4.5 });
  const day = 24 * 3600_000;
  await apply(ctx, assessment.id, BASELINE);
  await takeSnapshot(ctx, assessment.id, { label: 'Baseline (gap analysis)', kind: 'baseline' }, new Date(Date.now() - 180 * day).toISOString());
  await apply(ctx, assessment.id, QUARTER);
  await takeSnapshot(ctx, assessment.id, { label: 'Quarterly review', kind: 'snapshot' }, new Date(Date.now() - 90 * day).toISOString());
  await apply(ctx, assessment.id, NOW);
  return true;
}
