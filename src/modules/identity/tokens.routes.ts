import { z } from 'zod';
import { policyTable, permissionsOfRoles } from '../../platform/authz/permissions.ts';
import { ROLE_DESCRIPTIONS, ROLES } from '../../platform/authz/roles.ts';
import { idParams, page } from '../../platform/http/schemas.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { identityPermissions as P } from './policy.ts';
import { createTokenBody, rolesResponse, tokenSchema, tokensListQuery } from './schema.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const tags = ['tokens'];

export const tokensRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/tokens',
    access: P['identity.tokens.read_own'],
    schema: { summary: 'Your API tokens', tags, querystring: tokensListQuery, response: { 200: page(tokenSchema) } },
    handler: async (request) => listTokens(contextOf(request), request.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens',
    access: P['identity.tokens.manage_own'],
    schema: {
      summary: 'Create an API token; the secret is shown once',
      tags,
      body: createTokenBody,
      response: { 201: z.object({ token: tokenSchema, secret: z.string() }) },
    },
    handler: async (request, reply) => reply.code(201).send(await createToken(contextOf(request), request.body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens/:id/revoke',
    access: P['identity.tokens.manage_own'],
    schema: { summary: 'Revoke one of your API tokens', tags, params: idParams, response: { 200: tokenSchema } },
    handler: async (request) => revokeToken(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/roles',
    access: P['identity.roles.read'],
    schema: { summary: 'The roles and the permission policy', tags: ['users'], response: { 200: rolesResponse } },
    handler: async () => ({
      roles: ROLES.map((role) => ({ role, description: ROLE_DESCRIPTIONS[role], permissions: [...permissionsOfRoles([role])].sort() })),
      permissions: policyTable(),
    }),
  }),
];
