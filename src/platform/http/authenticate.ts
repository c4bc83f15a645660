import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../authz/actor.ts';
import { can } from '../authz/actor.ts';
import { AppError } from './errors.ts';
import { AUTHENTICATED, PUBLIC } from './route.ts';

export const SESSION_COOKIE = 'aims_session';
export const CSRF_HEADER = 'x-csrf-token';

/** How the identity module turns credentials into an actor; injected so that platform code does not import modules. */
export interface Authenticator {
  fromSessionCookie(cookie: string): Promise<{ actor: Actor; csrfToken: string } | { error: 'session_expired' }>;
  fromBearerToken(token: string): Promise<{ actor: Actor } | { error: 'invalid_token' }>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('invalid_token', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

/**
 * Runs before body parsing and validation on every route: authenticate, check CSRF for cookie
 * sessions, then check the route's permission. A denied caller therefore learns nothing about
 * what the route would have accepted.
 */
export function accessHook(authenticator: Authenticator) {
  return async function checkAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.actor = null;
    request.authMethod = null;
    request.csrfToken = null;
    const access = request.routeOptions.config.access;
    // Not an API route (static files, 404), or open to all: login itself must work with a stale cookie.
    if (access === undefined || access === PUBLIC) return;

    const bearer = bearerFrom(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (bearer) {
      const result = await authenticator.fromBearerToken(bearer);
      if ('error' in result) throw new AppError('invalid_token');
      request.actor = result.actor;
      request.authMethod = 'token';
    } else if (cookie) {
      const result = await authenticator.fromSessionCookie(cookie);
      if ('error' in result) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError('session_expired');
      }
      request.actor = result.actor;
      request.authMethod = 'session';
      request.csrfToken = result.csrfToken;
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== result.csrfToken) {
        throw new AppError('csrf_failed');
      }
    }

    if (!request.actor) throw new AppError('unauthenticated');
    if (access === AUTHENTICATED) return;
    if (!can(request.actor, access)) throw new AppError('forbidden');
  };
}
