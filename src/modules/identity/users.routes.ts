import { z } from 'zod';
import { idParams } from '../../platform/http/schemas.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { identityPermissions as P } from './policy.ts';
import { createUserBody, importUsersBody, importUsersResult, setPasswordBody, updateUserBody, userSchema, usersListQuery, usersPage, versionBody } from './schema.ts';
import { importUsers } from './users-import.service.ts';
import { createUser, getUser, listUsers, setUserPassword, setUserStatus, updateUser } from './users.service.ts';

const tags = ['users'];

export const usersRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    access: P['identity.users.read'],
    schema: { summary: 'List the people of the organisation', tags, querystring: usersListQuery, response: { 200: usersPage } },
    handler: async (request) => listUsers(contextOf(request), request.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    access: P['identity.users.manage'],
    schema: { summary: 'Create or invite a user with roles', tags, body: createUserBody, response: { 201: userSchema } },
    handler: async (request, reply) => reply.code(201).send(await createUser(contextOf(request), request.body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/import',
    access: P['identity.users.manage'],
    // 1,200 employees with roles fit well under 5 MB.
    options: { bodyLimit: 6 * 1024 * 1024 },
    schema: {
      summary: 'Bulk-create users from CSV: a dry run reports every bad row, a real run is all-or-nothing',
      tags,
      body: importUsersBody,
      response: { 200: importUsersResult, 422: importUsersResult },
    },
    handler: async (request, reply) => {
      const result = await importUsers(contextOf(request), request.body.csv, request.body.dryRun);
      return reply.code(result.errors.length > 0 ? 422 : 200).send(result);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users/:id',
    access: P['identity.users.read'],
    schema: { summary: 'One user', tags, params: idParams, response: { 200: userSchema } },
    handler: async (request) => getUser(contextOf(request), request.params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    access: P['identity.users.manage'],
    schema: { summary: 'Change name, department or roles (optimistic locking on version)', tags, params: idParams, body: updateUserBody, response: { 200: userSchema } },
    handler: async (request) => updateUser(contextOf(request), request.params.id, request.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/deactivate',
    access: P['identity.users.manage'],
    schema: { summary: 'Deactivate a user (never deleted: the audit trail refers to them); ends their sessions and tokens', tags, params: idParams, body: versionBody, response: { 200: userSchema } },
    handler: async (request) => setUserStatus(contextOf(request), request.params.id, request.body.version, 'deactivated'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/reactivate',
    access: P['identity.users.manage'],
    schema: { summary: 'Reactivate a deactivated user', tags, params: idParams, body: versionBody, response: { 200: userSchema } },
    handler: async (request) => setUserStatus(contextOf(request), request.params.id, request.body.version, 'active'),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/password',
    access: P['identity.users.manage'],
    schema: {
      summary: 'Set a password, or generate a temporary one (returned once); ends the user\'s sessions',
      tags,
      params: idParams,
      body: setPasswordBody,
      response: { 200: z.object({ temporaryPassword: z.string().nullable() }) },
    },
    handler: async (request) => setUserPassword(contextOf(request), request.params.id, request.body.password),
  }),
];
