/**
 * The shape of the framework catalogues and crosswalks that aims ships in `content/` and that users
 * may import (custom frameworks). The schemas check one file on its own; whatever needs more than
 * one item or more than one file to decide (unique ids, parents, crosswalk targets) is checked in
 * catalogue-validate.ts, so that every problem is reported with its location.
 */
import { z } from 'zod';

/** Lowercase slug: stable in URLs, database rows and crosswalk file names (`<from>--<to>.yaml`). */
export const frameworkIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "iso42001" or "eu-ai-act"');

export const frameworkKinds = ['standard', 'regulation', 'framework', 'custom'] as const;
export const itemTypes = [
  'clause',
  'subclause',
  'annex_group',
  'objective',
  'control',
  'article',
  'paragraph',
  'function',
  'category',
  'subcategory',
  'requirement',
] as const;
export const relationships = ['equal', 'subset', 'superset', 'intersect'] as const;
export const strengths = ['strong', 'moderate', 'weak'] as const;
export const crosswalkBases = ['own_analysis', 'official'] as const;

// Free text must say something: a blank string is as useless to an auditor as a missing one.
const text = z.string().trim().min(1, 'must not be empty');
const textList = z.array(text).min(1, 'must list at least one entry');

/**
 * Identifiers are the official ones and must be quoted in YAML: an unquoted `4.10` would be read as
 * the number 4.1, so numbers are refused rather than converted.
 */
const itemIdSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be a string; quote identifiers in YAML, e.g. "4.1"',
  })
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[^\s]+(?: [^\s]+)*$/, 'must not contain line breaks or repeated spaces');

export const frameworkItemSchema = z
  .strictObject({
    id: itemIdSchema,
    type: z.enum(itemTypes),
    parent: itemIdSchema.nullish(),
    title: text,
    assessable: z.boolean(),
    mandatoryDocumentedInformation: text.nullish(),
    summary: text,
    guidance: text.optional(),
    evidence: textList.optional(),
    questions: textList.optional(),
    tags: z.array(text).optional(),
  })
  .superRefine((item, ctx) => {
    // An assessor scores an assessable item against its guidance, evidence and questions, so all
    // three must be there; grouping items may omit them.
    if (!item.assessable) return;
    for (const key of ['guidance', 'evidence', 'questions'] as const) {
      if (item[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when assessable is true' });
      }
    }
  });

export const frameworkFileSchema = z.strictObject({
  id: frameworkIdSchema,
  name: text,
  shortName: text,
  // "2023" and "1.0" are labels, not numbers: YAML would turn an unquoted 1.0 into 1.
  version: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string; quote it in YAML, e.g. "1.0"') })
    .trim()
    .min(1, 'must not be empty'),
  kind: z.enum(frameworkKinds),
  publisher: text,
  notice: text.optional(),
  items: z.array(frameworkItemSchema).min(1, 'must contain at least one item'),
});

export const crosswalkMappingSchema = z.strictObject({
  from: itemIdSchema,
  to: itemIdSchema,
  relationship: z.enum(relationships),
  strength: z.enum(strengths),
  rationale: text,
});

export const crosswalkFileSchema = z
  .strictObject({
    from: frameworkIdSchema,
    to: frameworkIdSchema,
    basis: z.enum(crosswalkBases),
    note: text.optional(),
    mappings: z.array(crosswalkMappingSchema),
  })
  .superRefine((file, ctx) => {
    if (file.from === file.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must differ from "from"' });
    }
  });

export type FrameworkKind = (typeof frameworkKinds)[number];
export type ItemType = (typeof itemTypes)[number];
export type Relationship = (typeof relationships)[number];
export type Strength = (typeof strengths)[number];
export type CrosswalkBasis = (typeof crosswalkBases)[number];

type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What the rest of aims sees: validated, with `parent` normalised to null, and frozen. */
export type FrameworkItem = DeepReadonly<
  Omit<z.infer<typeof frameworkItemSchema>, 'parent' | 'mandatoryDocumentedInformation'> & {
    parent: string | null;
    mandatoryDocumentedInformation: string | null;
  }
>;
export type Framework = DeepReadonly<Omit<z.infer<typeof frameworkFileSchema>, 'items'>> & {
  readonly items: readonly FrameworkItem[];
};
export type CrosswalkMapping = DeepReadonly<z.infer<typeof crosswalkMappingSchema>>;
export type Crosswalk = DeepReadonly<z.infer<typeof crosswalkFileSchema>>;
