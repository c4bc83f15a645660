import { z } from 'zod';
import { page } from '../../platform/http/schemas.ts';
import { frameworkKinds, itemTypes, relationships, strengths, crosswalkBases } from './catalogue-schema.ts';

export const frameworkSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    version: z.string(),
    kind: z.enum(frameworkKinds),
    publisher: z.string(),
    notice: z.string().nullable(),
    custom: z.boolean(),
    itemCount: z.number().int(),
    assessableCount: z.number().int(),
  })
  .meta({ id: 'FrameworkSummary' });
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkItemSchema = z
  .object({
    id: z.string(),
    type: z.enum(itemTypes),
    parent: z.string().nullable(),
    title: z.string(),
    assessable: z.boolean(),
    mandatoryDocumentedInformation: z.string().nullable(),
    summary: z.string(),
    guidance: z.string().nullable(),
    evidence: z.array(z.string()),
    questions: z.array(z.string()),
    tags: z.array(z.string()),
  })
  .meta({ id: 'FrameworkItem' });
export type FrameworkItemView = z.infer<typeof frameworkItemSchema>;

export const frameworkDetailSchema = z.object({ framework: frameworkSummarySchema, items: z.array(frameworkItemSchema) });

export const mappingSchema = z
  .object({
    direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this item maps to the other; incoming: the other maps to this item'),
    frameworkId: z.string(),
    frameworkName: z.string(),
    itemId: z.string(),
    itemTitle: z.string(),
    relationship: z.enum(relationships),
    strength: z.enum(strengths),
    basis: z.enum(crosswalkBases),
    rationale: z.string(),
  })
  .meta({ id: 'CrosswalkMapping' });

export const itemDetailSchema = z.object({
  framework: frameworkSummarySchema,
  item: frameworkItemSchema,
  ancestors: z.array(z.object({ id: z.string(), title: z.string() })),
  children: z.array(z.object({ id: z.string(), title: z.string(), type: z.enum(itemTypes) })),
  mappings: z.array(mappingSchema),
});

export const frameworkParams = z.strictObject({ frameworkId: z.string().min(1).max(64) });
export const itemParams = z.strictObject({ frameworkId: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

export const searchQuery = z.strictObject({
  q: z.string().trim().min(2, 'at least 2 characters').max(200),
  framework: z.string().max(64).optional(),
  type: z.enum(itemTypes).optional(),
  assessable: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHitSchema = z.object({
  frameworkId: z.string(),
  frameworkName: z.string(),
  item: frameworkItemSchema,
  matchedIn: z.array(z.enum(['id', 'title', 'summary', 'guidance', 'evidence', 'questions', 'tags'])),
});
export const searchPage = page(searchHitSchema);

export const importBody = z.strictObject({
  source: z.string().min(1).max(2_000_000).describe('The framework file (YAML or JSON) in the documented catalogue format, with kind: custom'),
  dryRun: z.boolean().default(true),
});
export const importResult = z.object({ dryRun: z.boolean(), framework: frameworkSummarySchema });
