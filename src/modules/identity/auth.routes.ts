import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/http/authenticate.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { AUTHENTICATED, defineRoute, PUBLIC } from '../../platform/http/route.ts';
import { describeMe, loginWithPassword, logout, type NewSession } from './auth.service.ts';
import { loginBody, meSchema } from './schema.ts';

/** Sets the session cookie: httpOnly, SameSite=Lax, and Secure whenever the request came over TLS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https' || (request.server.config.publicUrl?.startsWith('https://') ?? false),
    expires: new Date(session.expiresAt),
  });
}

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    access: PUBLIC,
    // Per client address; the per-account lockout in the service holds across several servers.
    options: { config: { rateLimit: { max: (req: FastifyRequest) => req.server.config.loginRateLimitPerMinute, timeWindow: 60_000 } } },
    schema: {
      summary: 'Sign in with email and password; sets the session cookie',
      tags: ['auth'],
      body: loginBody,
      response: { 200: meSchema },
    },
    handler: async (request, reply) => {
      const { db } = request.server.database;
      const session = await loginWithPassword(db, request.server.config, request.body);
      setSessionCookie(request, reply, session);
      const resolved = await request.server.authenticator.fromSessionCookie(session.token);
      if ('error' in resolved) throw new Error('a session just opened could not be read back');
      return describeMe(db, resolved.actor, 'session', session.csrfToken);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    access: AUTHENTICATED,
    schema: { summary: 'Sign out: ends the session', tags: ['auth'], response: { 204: z.null() } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await logout(ctx.db, ctx.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/me',
    access: AUTHENTICATED,
    schema: { summary: 'Who am I: user, organisation, roles, permissions and the CSRF token', tags: ['auth'], response: { 200: meSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return describeMe(ctx.db, ctx.actor, request.authMethod ?? 'session', request.csrfToken);
    },
  }),
];
