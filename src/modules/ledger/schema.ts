import { z } from 'zod';
import { listQuery, page } from '../../platform/http/schemas.ts';

const isoTime = z.iso.datetime({ offset: true });

export const entriesQuery = listQuery(['seq'], {
  action: z.string().max(100).optional(),
  actor: z.string().max(100).optional().describe('Actor pseudonym (p:...), or "system"'),
  resourceType: z.string().max(50).optional(),
  resourceId: z.string().max(100).optional(),
  from: isoTime.optional().describe('Entries at or after this time'),
  to: isoTime.optional().describe('Entries before this time'),
}, '-seq');
export type EntriesQuery = z.infer<typeof entriesQuery>;

export const ledgerEntrySchema = z
  .object({
    seq: z.number().int(),
    time: z.string(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string().nullable(),
    actor: z.string(),
    leafHash: z.string(),
    event: z.record(z.string(), z.unknown()).describe('The event exactly as hashed (canonical JSON, parsed)'),
  })
  .meta({ id: 'LedgerEntry' });

export const entriesPage = page(ledgerEntrySchema);
export const seqParams = z.strictObject({ seq: z.coerce.number().int().min(0) });

export const inclusionQuery = z.strictObject({
  seq: z.coerce.number().int().min(0),
  treeSize: z.coerce.number().int().min(1).optional().describe('Defaults to the latest checkpoint'),
});
export const inclusionProofSchema = z.object({
  seq: z.number().int(),
  treeSize: z.number().int(),
  leafHash: z.string(),
  rootHash: z.string(),
  proof: z.array(z.string()).describe('Hex hashes, from the leaf upwards (RFC 6962 PATH)'),
  checkpoint: z.string().nullable().describe('The signed checkpoint of this tree size, when one exists'),
});

export const consistencyQuery = z.strictObject({ size1: z.coerce.number().int().min(1), size2: z.coerce.number().int().min(1) });
export const consistencyProofSchema = z.object({ size1: z.number().int(), size2: z.number().int(), root1: z.string(), root2: z.string(), proof: z.array(z.string()) });

export const checkpointSchema = z.object({ treeSize: z.number().int(), rootHash: z.string(), note: z.string(), createdAt: z.string() }).meta({ id: 'LedgerCheckpoint' });

export const keysSchema = z.object({ origin: z.string(), verifierKeys: z.array(z.string()) });

export const verificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  rootHash: z.string(),
  checkpointsVerified: z.number().int(),
  problem: z.object({ kind: z.string(), seq: z.number().int().nullable(), treeSize: z.number().int().nullable(), message: z.string() }).nullable(),
});

export const privateFieldParams = z.strictObject({ seq: z.coerce.number().int().min(0), field: z.string().min(1).max(64) });
export const privateTextSchema = z
  .object({ field: z.string(), text: z.string().nullable(), erasedAt: z.string().nullable(), matchesCommitment: z.boolean().nullable() })
  .meta({ id: 'LedgerPrivateText' });
