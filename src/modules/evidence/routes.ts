import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AimsConfig } from '../../platform/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { evidencePermissions as P } from './policy.ts';
import { createEvidenceBody, downloadQuery, evidencePage, evidenceListQuery, evidenceSchema, linkParams, updateEvidenceBody } from './schema.ts';
import { createEvidence, downloadFile, getEvidence, linkEvidence, listEvidence, updateEvidence, uploadFile } from './service.ts';
import { EvidenceStore } from './storage.ts';

const tags = ['evidence'];
const stores = new Map<string, EvidenceStore>();

function storeOf(config: AimsConfig): EvidenceStore {
  const root = path.join(config.dataDir, 'evidence');
  let store = stores.get(root);
  if (!store) stores.set(root, (store = new EvidenceStore(root)));
  return store;
}

function fileNameOf(request: FastifyRequest): string {
  const raw = request.headers['x-file-name'];
  const name = typeof raw === 'string' ? decodeURIComponent(raw).trim() : '';
  // eslint-disable-next-line no-control-regex -- control characters in a file name are what is refused
  if (!name || name.length > 255 || /[\\/\u0000-\u001f]/.test(name)) {
    throw new AppError('validation_failed', 'Send the file name, with its extension, in the X-File-Name header (URL-encoded).', { issues: [{ in: 'headers', path: 'x-file-name', message: 'missing or invalid' }] });
  }
  return name;
}

export const evidenceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/evidence',
    access: P['evidence.read'],
    schema: { summary: 'Evidence, with review status, expiry state (expiring within 30 days, expired) and the requirements it supports', tags, querystring: evidenceListQuery, response: { 200: evidencePage } },
    handler: async (request) => listEvidence(contextOf(request), request.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/evidence',
    access: P['evidence.manage'],
    schema: { summary: 'Add evidence: a file (upload it next) or a link; optionally linked to assessment results', tags, body: createEvidenceBody, response: { 201: evidenceSchema } },
    handler: async (request, reply) => reply.code(201).send(await createEvidence(contextOf(request), request.body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evidence/:id',
    access: P['evidence.read'],
    schema: { summary: 'One piece of evidence with every file version', tags, params: idParams, response: { 200: evidenceSchema } },
    handler: async (request) => getEvidence(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/evidence/:id',
    access: P['evidence.manage'],
    schema: { summary: 'Change title, description, owner, expiry or review status (approve/reject: admin or compliance officer)', tags, params: idParams, body: updateEvidenceBody, response: { 200: evidenceSchema } },
    handler: async (request) => updateEvidence(contextOf(request), request.params.id, request.body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/evidence/:id/file',
    access: P['evidence.manage'],
    options: { bodyLimit: (config) => config.evidenceMaxBytes },
    schema: {
      summary: 'Upload a new file version: the raw bytes as application/octet-stream, the file name in X-File-Name; PDF, images, Office files, CSV, text, Markdown and JSON, checked by content',
      tags,
      params: idParams,
      consumes: ['application/octet-stream'],
      response: { 200: evidenceSchema },
    },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', 'Send the file as application/octet-stream.');
      return uploadFile(contextOf(request), storeOf(request.server.config), request.params.id, fileNameOf(request), request.body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evidence/:id/file',
    access: P['evidence.read'],
    schema: { summary: 'Download a file version; its SHA-256 is checked first and sent in the X-Content-SHA256 header', tags, params: idParams, querystring: downloadQuery, response: { 200: z.string().describe('the file') } },
    handler: async (request, reply) => {
      const file = await downloadFile(contextOf(request), storeOf(request.server.config), request.params.id, request.query.version);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('x-content-sha256', file.sha256);
      // A Buffer is sent as it is, without the response serializer.
      return reply.send(file.content);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/evidence/:id/links/:resultId',
    access: P['evidence.manage'],
    schema: { summary: 'Use this evidence for an assessment result (one piece of evidence can serve many)', tags, params: linkParams, response: { 200: evidenceSchema } },
    handler: async (request) => linkEvidence(contextOf(request), request.params.id, request.params.resultId, true),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/evidence/:id/links/:resultId',
    access: P['evidence.manage'],
    schema: { summary: 'Stop using this evidence for an assessment result', tags, params: linkParams, response: { 200: evidenceSchema } },
    handler: async (request) => linkEvidence(contextOf(request), request.params.id, request.params.resultId, false),
  }),
];
