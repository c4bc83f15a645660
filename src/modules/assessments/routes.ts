import { z } from 'zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createAssessment, getAssessment, listAssessments, updateResult } from './assessments.service.ts';
import { assessmentPermissions as P } from './policy.ts';
import { postureIn } from './posture.service.ts';
import { maturityOf } from './maturity.service.ts';
import {
  assessmentDetailSchema,
  assessmentSchema,
  compareQuery,
  comparisonSchema,
  createAssessmentBody,
  idParams,
  maturitySchema,
  postureQuery,
  postureSchema,
  resultParams,
  resultSchema,
  snapshotBody,
  snapshotSchema,
  updateResultBody,
} from './schema.ts';
import { compare, listSnapshots, takeSnapshot } from './snapshots.service.ts';

const tags = ['assessments'];

export const assessmentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/assessments',
    access: P['assessments.read'],
    schema: { summary: 'Gap assessments with their progress', tags, response: { 200: z.object({ items: z.array(assessmentSchema) }) } },
    handler: async (request) => ({ items: await listAssessments(contextOf(request)) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assessments',
    access: P['assessments.manage'],
    schema: { summary: 'Start a gap assessment of the AIMS against a framework (one row per assessable item)', tags, body: createAssessmentBody, response: { 201: assessmentDetailSchema } },
    handler: async (request, reply) => reply.code(201).send(await createAssessment(contextOf(request), request.body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id',
    access: P['assessments.read'],
    schema: { summary: 'An assessment with every result', tags, params: idParams, response: { 200: assessmentDetailSchema } },
    handler: async (request) => getAssessment(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/assessments/:id/results/:resultId',
    access: P['assessments.manage'],
    schema: {
      summary: 'Record a result: workflow status, result (not applicable needs a justification), maturity 0-5, owner, due date, notes',
      tags,
      params: resultParams,
      body: updateResultBody,
      response: { 200: resultSchema },
    },
    handler: async (request) => updateResult(contextOf(request), request.params.id, request.params.resultId, request.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/posture',
    access: P['assessments.read'],
    schema: { summary: 'The assessment seen through another framework\'s crosswalk, with where each derived result came from', tags, params: idParams, querystring: postureQuery, response: { 200: postureSchema } },
    handler: async (request) => postureIn(contextOf(request), request.params.id, request.query.framework),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/maturity',
    access: P['assessments.read'],
    schema: { summary: 'Maturity per clause / Annex A group and overall (one decimal), target, history from snapshots, and certification readiness with its blockers', tags, params: idParams, response: { 200: maturitySchema } },
    handler: async (request) => maturityOf(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/snapshots',
    access: P['assessments.read'],
    schema: { summary: 'Snapshots of the assessment (baseline and later)', tags, params: idParams, response: { 200: z.object({ items: z.array(snapshotSchema) }) } },
    handler: async (request) => ({ items: await listSnapshots(contextOf(request), request.params.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/assessments/:id/snapshots',
    access: P['assessments.manage'],
    schema: { summary: 'Freeze the current results as a snapshot or baseline', tags, params: idParams, body: snapshotBody, response: { 201: snapshotSchema } },
    handler: async (request, reply) => reply.code(201).send(await takeSnapshot(contextOf(request), request.params.id, request.body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/assessments/:id/comparison',
    access: P['assessments.read'],
    schema: { summary: 'Compare two snapshots, or a snapshot with the current results', tags, params: idParams, querystring: compareQuery, response: { 200: comparisonSchema } },
    handler: async (request) => compare(contextOf(request), request.params.id, request.query.from, request.query.to),
  }),
];
