import { z } from 'zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { frameworkPermissions as P } from './policy.ts';
import { frameworkDetailSchema, frameworkParams, frameworkSummarySchema, importBody, importResult, itemDetailSchema, itemParams, searchPage, searchQuery } from './schema.ts';
import { getFramework, getItem, importCustomFramework, listFrameworks, searchCatalogue } from './service.ts';

const tags = ['frameworks'];

export const frameworkRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/frameworks',
    access: P['frameworks.read'],
    schema: { summary: 'The frameworks: ISO/IEC 42001, EU AI Act, NIST AI RMF, GDPR, and the organisation\'s own', tags, response: { 200: z.object({ items: z.array(frameworkSummarySchema) }) } },
    handler: async (request) => ({ items: await listFrameworks(contextOf(request)) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/frameworks/search',
    access: P['frameworks.read'],
    schema: { summary: 'Search every item of every framework (identifiers, titles, summaries, guidance, evidence, questions)', tags, querystring: searchQuery, response: { 200: searchPage } },
    handler: async (request) => searchCatalogue(contextOf(request), request.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/frameworks/import',
    access: P['frameworks.manage'],
    options: { bodyLimit: 3 * 1024 * 1024 },
    schema: {
      summary: 'Import a custom framework (YAML or JSON in the catalogue format, kind: custom); a dry run only validates',
      tags,
      body: importBody,
      response: { 200: importResult, 201: importResult },
    },
    handler: async (request, reply) => {
      const result = await importCustomFramework(contextOf(request), request.body.source, request.body.dryRun);
      return reply.code(result.dryRun ? 200 : 201).send(result);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/frameworks/:frameworkId',
    access: P['frameworks.read'],
    schema: { summary: 'A framework with all its items in display order', tags, params: frameworkParams, response: { 200: frameworkDetailSchema } },
    handler: async (request) => getFramework(contextOf(request), request.params.frameworkId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/frameworks/:frameworkId/items/:itemId',
    access: P['frameworks.read'],
    schema: { summary: 'One item with its ancestors, children and crosswalk mappings in both directions', tags, params: itemParams, response: { 200: itemDetailSchema } },
    handler: async (request) => getItem(contextOf(request), request.params.frameworkId, request.params.itemId),
  }),
];
