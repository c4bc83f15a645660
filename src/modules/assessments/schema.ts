import { z } from 'zod';
import { idParams, versionField } from '../../platform/http/schemas.ts';

export const workflowStatuses = ['to_do', 'in_progress', 'in_review', 'done'] as const;
export const results = ['compliant', 'partially_compliant', 'non_compliant', 'not_applicable'] as const;

export const assessmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    frameworkId: z.string(),
    scope: z.enum(['aims', 'ai_system']),
    status: z.enum(['active', 'archived']),
    targetMaturity: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    progress: z.object({
      items: z.number().int(),
      assessed: z.number().int().describe('Items with a result'),
      byResult: z.record(z.string(), z.number().int()),
      byWorkflow: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: 'Assessment' });
export type AssessmentView = z.infer<typeof assessmentSchema>;

export const resultSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    itemTitle: z.string(),
    itemType: z.string(),
    parentId: z.string().nullable(),
    mandatoryDocumentedInformation: z.string().nullable(),
    workflowStatus: z.enum(workflowStatuses),
    result: z.enum(results).nullable(),
    justification: z.string().nullable(),
    maturity: z.number().int().min(0).max(5).nullable(),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable(),
    notes: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentResult' });
export type ResultView = z.infer<typeof resultSchema>;

export const assessmentDetailSchema = z.object({ assessment: assessmentSchema, results: z.array(resultSchema) });

export const createAssessmentBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  frameworkId: z.string().min(1).max(64).default('iso42001'),
  targetMaturity: z.number().min(0).max(5).optional().describe('The maturity aimed for, 0-5, one decimal'),
});

const date = z.iso.date().describe('YYYY-MM-DD');

export const updateResultBody = z.strictObject({
  version: versionField,
  workflowStatus: z.enum(workflowStatuses).optional(),
  result: z.enum(results).nullable().optional(),
  justification: z.string().trim().max(5000).nullable().optional().describe('Required when the result is not_applicable'),
  maturity: z.number().int().min(0).max(5).nullable().optional(),
  ownerId: z.string().max(100).nullable().optional(),
  dueDate: date.nullable().optional(),
  notes: z.string().max(20000).nullable().optional(),
});
export type UpdateResultInput = z.infer<typeof updateResultBody>;

export const resultParams = z.strictObject({ id: z.string().min(1).max(100), resultId: z.string().min(1).max(100) });
export { idParams };

export const postureQuery = z.strictObject({ framework: z.string().min(1).max(64) });
export const postureSchema = z.object({
  assessmentId: z.string(),
  sourceFramework: z.string(),
  targetFramework: z.string(),
  items: z.array(
    z.object({
      itemId: z.string(),
      itemTitle: z.string(),
      assessable: z.boolean(),
      result: z.enum(['compliant', 'partially_compliant', 'non_compliant']).nullable().describe('Derived through the crosswalk; null when nothing maps or nothing mapped is assessed'),
      contributions: z.array(
        z.object({
          sourceItem: z.string(),
          sourceResult: z.enum(results).nullable(),
          relationship: z.enum(['equal', 'subset', 'superset', 'intersect']),
          strength: z.enum(['strong', 'moderate', 'weak']),
          contributes: z.enum(['compliant', 'partially_compliant', 'non_compliant']).nullable(),
        }),
      ),
    }),
  ),
  summary: z.record(z.string(), z.number().int()),
});

export const snapshotBody = z.strictObject({ label: z.string().trim().min(1).max(200), kind: z.enum(['baseline', 'snapshot']).default('snapshot') });
export const snapshotSchema = z.object({ id: z.string(), label: z.string(), kind: z.enum(['baseline', 'snapshot']), takenAt: z.string(), assessed: z.number().int() }).meta({ id: 'AssessmentSnapshot' });
export const compareQuery = z.strictObject({
  from: z.string().min(1).max(100).describe('A snapshot id'),
  to: z.string().min(1).max(100).default('current').describe('A snapshot id, or "current"'),
});
export const comparisonSchema = z.object({
  from: z.object({ id: z.string(), label: z.string() }),
  to: z.object({ id: z.string(), label: z.string() }),
  changes: z.array(
    z.object({
      itemId: z.string(),
      itemTitle: z.string(),
      fields: z.array(z.object({ field: z.enum(['workflowStatus', 'result', 'maturity']), from: z.unknown(), to: z.unknown() })),
    }),
  ),
  summary: z.object({ improved: z.number().int(), worsened: z.number().int(), changed: z.number().int() }),
});

const scoreSchema = z.object({ id: z.string(), title: z.string(), score: z.number().nullable(), counted: z.number().int(), items: z.number().int() });
export const maturitySchema = z.object({
  assessmentId: z.string(),
  target: z.number().nullable(),
  current: z.object({ overall: z.number().nullable(), counted: z.number().int(), groups: z.array(scoreSchema) }),
  readiness: z.object({
    mandatory: z.number().int(),
    met: z.number().int(),
    share: z.number().nullable().describe('Per cent of mandatory requirements met, one decimal'),
    blockers: z.array(z.object({ itemId: z.string(), title: z.string(), reason: z.enum(['missing_documented_information', 'not_met', 'not_assessed']), documentedInformation: z.string().nullable() })),
    checks: z
      .array(z.object({ check: z.enum(['soa_approved', 'evidence_current']), ok: z.boolean(), message: z.string() }))
      .describe('Blockers beyond the results: an unapproved Statement of Applicability, expired evidence behind the results'),
  }),
  history: z.array(z.object({ snapshotId: z.string(), label: z.string(), kind: z.enum(['baseline', 'snapshot']), takenAt: z.string(), overall: z.number().nullable() })),
});
