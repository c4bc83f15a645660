import { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { findOrganisation } from '../identity/organisations.repository.ts';
import { publishErrorLogger, sinksOf } from './publish.ts';
import { createCheckpoint, latest, originOf } from './checkpoints.service.ts';
import { exportLines, verifyDatabase } from './export.service.ts';
import { ledgerPermissions as P } from './policy.ts';
import { proveConsistency, proveInclusion } from './proofs.service.ts';
import { erasePrivateText, readPrivateTexts } from './private-text.service.ts';
import * as repo from './repository.ts';
import { checkpointSchema, consistencyProofSchema, consistencyQuery, entriesPage, entriesQuery, inclusionProofSchema, inclusionQuery, keysSchema, ledgerEntrySchema, privateFieldParams, privateTextSchema, seqParams, verificationSchema } from './schema.ts';

const tags = ['ledger'];

function toEntry(row: { seq: number; created_at: string; action: string; resource_type: string; resource_id: string | null; actor: string; leaf_hash: string; event: string }) {
  return {
    seq: Number(row.seq),
    time: row.created_at,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    actor: row.actor,
    leafHash: row.leaf_hash,
    event: JSON.parse(row.event) as Record<string, unknown>,
  };
}

export const ledgerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/ledger/entries',
    access: P['ledger.read'],
    schema: { summary: 'Audit-trail entries, newest first by default', tags, querystring: entriesQuery, response: { 200: entriesPage } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const q = request.query;
      const { rows, total } = await repo.listEntries(ctx.db, ctx.actor.organisationId, q, { limit: q.limit, offset: q.offset, direction: q.sort === 'seq' ? 'asc' : 'desc' });
      return { items: rows.map(toEntry), total, limit: q.limit, offset: q.offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/entries/:seq',
    access: P['ledger.read'],
    schema: { summary: 'One audit-trail entry', tags, params: seqParams, response: { 200: ledgerEntrySchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const row = await repo.findEntry(ctx.db, ctx.actor.organisationId, request.params.seq);
      if (!row) throw new AppError('not_found', `Entry ${request.params.seq} not found.`);
      return toEntry(row);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/entries/:seq/private',
    access: P['ledger.read_private'],
    schema: { summary: 'The free text kept beside an entry, and whether it still matches the entry\'s commitment', tags, params: seqParams, response: { 200: z.object({ items: z.array(privateTextSchema) }) } },
    handler: async (request) => ({ items: await readPrivateTexts(contextOf(request), request.params.seq) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ledger/entries/:seq/private/:field/erase',
    access: P['ledger.erase'],
    schema: { summary: 'Erase the free text kept beside an entry; the entry and every proof stay valid', tags, params: privateFieldParams, response: { 200: privateTextSchema } },
    handler: async (request) => erasePrivateText(contextOf(request), request.params.seq, request.params.field),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/proofs/inclusion',
    access: P['ledger.read'],
    schema: { summary: 'Inclusion proof of an entry in a tree size (RFC 6962)', tags, querystring: inclusionQuery, response: { 200: inclusionProofSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const orgId = ctx.actor.organisationId;
      let treeSize = request.query.treeSize;
      if (treeSize === undefined) {
        const cp = await latest(ctx.db, orgId);
        if (!cp) throw new AppError('invalid_state', 'No checkpoint yet: pass treeSize, or sign a checkpoint first.');
        treeSize = cp.treeSize;
      }
      const proof = await proveInclusion(ctx.db, orgId, request.query.seq, treeSize);
      const checkpoint = await repo.checkpointAt(ctx.db, orgId, treeSize);
      return { ...proof, checkpoint: checkpoint?.note ?? null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/proofs/consistency',
    access: P['ledger.read'],
    schema: { summary: 'Consistency proof between two tree sizes (RFC 6962)', tags, querystring: consistencyQuery, response: { 200: consistencyProofSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return proveConsistency(ctx.db, ctx.actor.organisationId, request.query.size1, request.query.size2);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/checkpoints/latest',
    access: P['ledger.read'],
    schema: { summary: 'The latest signed checkpoint', tags, response: { 200: checkpointSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const cp = await latest(ctx.db, ctx.actor.organisationId);
      if (!cp) throw new AppError('not_found', 'No checkpoint yet.');
      return cp;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ledger/checkpoints',
    access: P['ledger.checkpoint'],
    schema: { summary: 'Sign a checkpoint of the current log now', tags, response: { 201: checkpointSchema } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const cp = await createCheckpoint(ctx.db, ctx.actor.organisationId, request.server.ledgerSigner, sinksOf(request.server.config), publishErrorLogger(request.log));
      if (!cp) throw new AppError('invalid_state', 'The log is empty: nothing to checkpoint.');
      return reply.code(201).send(cp);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/keys',
    access: P['ledger.read'],
    schema: { summary: 'The origin of this organisation\'s log and every public key that signs checkpoints', tags, response: { 200: keysSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return { origin: originOf(ctx.actor.organisationId), verifierKeys: (await repo.listKeys(ctx.db)).map((k) => k.verifier_key) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/export',
    access: P['ledger.read'],
    schema: {
      summary: 'Export the log as JSON Lines (header, entries, checkpoints) for offline verification with `aims ledger verify --file`',
      tags,
      response: { 200: z.string().describe('application/x-ndjson') },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const org = (await findOrganisation(ctx.db, ctx.actor.organisationId))!;
      const lines = exportLines(ctx.db, { id: org.id, slug: org.slug });
      async function* withNewlines() {
        for await (const line of lines) yield line + '\n';
      }
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="aims-ledger-${org.slug}.jsonl"`);
      return reply.send(Readable.from(withNewlines()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/verification',
    access: P['ledger.read'],
    schema: { summary: 'Verify the whole log now: every leaf, checkpoint, signature and the stored tree', tags, response: { 200: verificationSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return verifyDatabase(ctx.db, ctx.actor.organisationId);
    },
  }),
];
