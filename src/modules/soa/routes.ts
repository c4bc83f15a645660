import { z } from 'zod';
import { idParams } from '../../platform/http/schemas.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { soaPermissions as P } from './policy.ts';
import { additionalControlBody, decisionBody, diffQuery, diffSchema, entryParams, soaDetailSchema, soaVersionSchema, submitBody, updateEntryBody } from './schema.ts';
import { addAdditionalControl, approve, createDraft, diff, getVersion, listVersions, sendBack, submit, updateEntry } from './service.ts';

const tags = ['soa'];

export const soaRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/soa',
    access: P['soa.read'],
    schema: { summary: 'Every version of the Statement of Applicability, newest first', tags, response: { 200: z.object({ items: z.array(soaVersionSchema) }) } },
    handler: async (request) => ({ items: await listVersions(contextOf(request)) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/soa',
    access: P['soa.edit'],
    schema: { summary: 'Start a new draft (a copy of the approved version, or the 38 Annex A controls the first time)', tags, response: { 201: soaDetailSchema } },
    handler: async (request, reply) => reply.code(201).send(await createDraft(contextOf(request))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/soa/:id',
    access: P['soa.read'],
    schema: { summary: 'One version with every control', tags, params: idParams, response: { 200: soaDetailSchema } },
    handler: async (request) => getVersion(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/soa/:id/entries/:entryId',
    access: P['soa.edit'],
    schema: { summary: 'Change a control of a draft: applicable, justification, implementation status, risks, evidence', tags, params: entryParams, body: updateEntryBody, response: { 200: soaDetailSchema } },
    handler: async (request) => updateEntry(contextOf(request), request.params.id, request.params.entryId, request.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/soa/:id/entries',
    access: P['soa.edit'],
    schema: { summary: 'Add a control beyond Annex A to a draft', tags, params: idParams, body: additionalControlBody, response: { 200: soaDetailSchema } },
    handler: async (request) => addAdditionalControl(contextOf(request), request.params.id, request.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/soa/:id/submit',
    access: P['soa.edit'],
    schema: { summary: 'Submit a draft for approval (every control needs a justification)', tags, params: idParams, body: submitBody, response: { 200: soaDetailSchema } },
    handler: async (request) => submit(contextOf(request), request.params.id, request.body.version),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/soa/:id/approve',
    access: P['soa.approve'],
    schema: { summary: 'Approve a submitted version (a council member other than its author); it is then frozen', tags, params: idParams, body: decisionBody, response: { 200: soaDetailSchema } },
    handler: async (request) => approve(contextOf(request), request.params.id, request.body.version, request.body.note),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/soa/:id/send-back',
    access: P['soa.approve'],
    schema: { summary: 'Send a submitted version back to draft, saying why', tags, params: idParams, body: decisionBody, response: { 200: soaDetailSchema } },
    handler: async (request) => sendBack(contextOf(request), request.params.id, request.body.version, request.body.note),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/soa/:id/diff',
    access: P['soa.read'],
    schema: { summary: 'What changed between two versions, control by control', tags, params: idParams, querystring: diffQuery, response: { 200: diffSchema } },
    handler: async (request) => diff(contextOf(request), request.params.id, request.query.against),
  }),
];
