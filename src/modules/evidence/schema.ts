import { z } from 'zod';
import { listQuery, page, versionField } from '../../platform/http/schemas.ts';

export const reviewStatuses = ['draft', 'in_review', 'approved', 'rejected'] as const;
export const expiryStates = ['no_expiry', 'valid', 'expiring_soon', 'expired'] as const;

export const evidenceFileSchema = z.object({ fileVersion: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string() });

export const evidenceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: z.enum(['file', 'link']),
    url: z.string().nullable(),
    ownerId: z.string().nullable(),
    reviewStatus: z.enum(reviewStatuses),
    expiresOn: z.string().nullable(),
    expiry: z.enum(expiryStates).describe('expiring_soon: within 30 days'),
    currentFile: evidenceFileSchema.nullable(),
    files: z.array(evidenceFileSchema),
    linkedResults: z.array(z.string()).describe('Assessment result ids this evidence supports'),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Evidence' });
export type EvidenceView = z.infer<typeof evidenceSchema>;

const date = z.iso.date().describe('YYYY-MM-DD');

export const createEvidenceBody = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(5000).nullable().optional(),
    kind: z.enum(['file', 'link']),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional().describe('Required for a link'),
    ownerId: z.string().max(100).nullable().optional(),
    expiresOn: date.nullable().optional(),
    resultIds: z.array(z.string().max(100)).max(200).optional().describe('Assessment results this evidence supports'),
  })
  .refine((b) => (b.kind === 'link') === (b.url !== undefined), { message: 'a link needs a url, and only a link has one', path: ['url'] });

export const updateEvidenceBody = z.strictObject({
  version: versionField,
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  ownerId: z.string().max(100).nullable().optional(),
  expiresOn: date.nullable().optional(),
  reviewStatus: z.enum(reviewStatuses).optional(),
});
export type UpdateEvidenceInput = z.infer<typeof updateEvidenceBody>;

export const evidenceListQuery = listQuery(['created_at', 'title', 'expires_on'], {
  reviewStatus: z.enum(reviewStatuses).optional(),
  expiry: z.enum(expiryStates).optional(),
  resultId: z.string().max(100).optional(),
}, '-created_at');
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;
export const evidencePage = page(evidenceSchema);

export const uploadHeaders = z.object({ 'x-file-name': z.string().min(1).max(255).describe('The file name, with its extension') }).passthrough();
export const downloadQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional().describe('Defaults to the current version') });
export const linkParams = z.strictObject({ id: z.string().min(1).max(100), resultId: z.string().min(1).max(100) });
