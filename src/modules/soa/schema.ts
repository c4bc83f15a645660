import { z } from 'zod';
import { versionField } from '../../platform/http/schemas.ts';

export const implementationStatuses = ['not_started', 'planned', 'partially_implemented', 'implemented'] as const;
export const soaStatuses = ['draft', 'submitted', 'approved', 'superseded'] as const;

export const soaEntrySchema = z
  .object({
    id: z.string(),
    controlId: z.string(),
    title: z.string(),
    source: z.enum(['annex_a', 'additional']),
    applicable: z.boolean(),
    justification: z.string().nullable().describe('Why the control is included or excluded; required for both'),
    implementationStatus: z.enum(implementationStatuses),
    riskRefs: z.array(z.string()).describe('The risks that justify the control (references until the risk register exists)'),
    evidenceIds: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'SoaEntry' });
export type SoaEntryView = z.infer<typeof soaEntrySchema>;

export const soaVersionSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(soaStatuses),
    authorId: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    counts: z.object({ controls: z.number().int(), applicable: z.number().int(), excluded: z.number().int(), implemented: z.number().int(), missingJustification: z.number().int() }),
  })
  .meta({ id: 'SoaVersion' });
export type SoaVersionView = z.infer<typeof soaVersionSchema>;

export const soaDetailSchema = z.object({ soa: soaVersionSchema, entries: z.array(soaEntrySchema) });

export const updateEntryBody = z.strictObject({
  version: versionField,
  applicable: z.boolean().optional(),
  justification: z.string().trim().max(5000).nullable().optional(),
  implementationStatus: z.enum(implementationStatuses).optional(),
  riskRefs: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  evidenceIds: z.array(z.string().max(100)).max(100).optional(),
});
export type UpdateEntryInput = z.infer<typeof updateEntryBody>;

export const additionalControlBody = z.strictObject({
  controlId: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(300),
  justification: z.string().trim().min(1).max(5000),
});

export const decisionBody = z.strictObject({ version: versionField, note: z.string().trim().max(5000).optional() });
export const submitBody = z.strictObject({ version: versionField });
export const entryParams = z.strictObject({ id: z.string().min(1).max(100), entryId: z.string().min(1).max(100) });
export const diffQuery = z.strictObject({ against: z.string().min(1).max(100).describe('The id of the version to compare with') });
export const diffSchema = z.object({
  from: z.object({ id: z.string(), number: z.number().int() }),
  to: z.object({ id: z.string(), number: z.number().int() }),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ controlId: z.string(), fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })) })),
});
