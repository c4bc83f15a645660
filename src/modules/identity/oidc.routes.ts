import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { defineRoute, PUBLIC } from '../../platform/http/route.ts';
import { setSessionCookie } from './auth.routes.ts';
import { completeLogin, OIDC_CALLBACK_PATH, OIDC_START_PATH, requireOidc, startLogin } from './oidc.service.ts';

/**
 * HTTP side of single sign-on. The browser navigates here (it does not fetch), so the start and
 * the callback answer with redirects; a failed callback lands on the login page with a code.
 */

// Scoped to the two OIDC endpoints and short-lived: it only carries the state from start to callback.
const STATE_COOKIE = 'aims_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';
const STATE_COOKIE_SECONDS = 10 * 60;

const redirectResponse = (what: string) => z.null().describe(`Redirect (Location header) ${what}`);

function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https' || (request.server.config.publicUrl?.startsWith('https://') ?? false);
}

function loginPageWith(code: string): string {
  return `/login?sso_error=${encodeURIComponent(code)}`;
}

/**
 * Logs why sign-in failed without personal data: provider error descriptions may name the user,
 * so of a provider's answer only its error code is kept.
 */
function logFailure(log: FastifyBaseLogger, stage: 'start' | 'callback', err: unknown): string {
  if (err instanceof AppError) {
    log.warn({ stage, code: err.code, reason: (err.details as { reason?: string } | null)?.reason }, 'single sign-on failed');
    return err.code;
  }
  const e = err as { name?: string; code?: string; error?: string; message?: string };
  const fromProvider = typeof e.error === 'string';
  log.warn(
    { stage, error: { name: e.name, code: e.code, ...(fromProvider ? { providerError: e.error } : { message: e.message }) } },
    'single sign-on failed',
  );
  return 'sso_failed';
}

function clearStateCookie(reply: FastifyReply): void {
  reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
}

const callbackValue = z.string().max(8192).optional();

export const oidcRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/sso',
    access: PUBLIC,
    schema: {
      summary: 'Whether single sign-on is available, and how the login page should offer it',
      tags: ['auth'],
      response: {
        200: z.object({
          enabled: z.boolean(),
          label: z.string().describe('Text of the sign-on button; empty when disabled'),
          startUrl: z.string().describe(`Navigate the browser here (optionally with ?returnTo=/path) to sign in`),
        }),
      },
    },
    handler: async (request) => {
      const oidc = request.server.config.oidc;
      return { enabled: oidc !== undefined, label: oidc?.label ?? '', startUrl: OIDC_START_PATH };
    },
  }),
  defineRoute({
    method: 'GET',
    url: OIDC_START_PATH,
    access: PUBLIC,
    // Each start writes a login-state row: limit it per client address like password login.
    options: { config: { rateLimit: { max: (req: FastifyRequest) => req.server.config.loginRateLimitPerMinute, timeWindow: 60_000 } } },
    schema: {
      summary: 'Start single sign-on: redirects to the identity provider',
      tags: ['auth'],
      querystring: z.object({
        returnTo: z.string().optional().describe('Same-site path to land on after signing in; anything else becomes "/"'),
      }),
      response: { 302: redirectResponse('to the identity provider, or to /login?sso_error=sso_failed when it cannot be reached') },
    },
    handler: async (request, reply) => {
      requireOidc(request.server.config);
      try {
        const { authorizationUrl, state } = await startLogin(request.server.database.db, request.server.config, request.query.returnTo);
        reply.setCookie(STATE_COOKIE, state, {
          path: STATE_COOKIE_PATH,
          httpOnly: true,
          // Lax: the cookie must come back on the provider's top-level redirect to the callback.
          sameSite: 'lax',
          secure: isSecure(request),
          maxAge: STATE_COOKIE_SECONDS,
        });
        return reply.redirect(authorizationUrl, 302);
      } catch (err) {
        return reply.redirect(loginPageWith(logFailure(request.log, 'start', err)), 302);
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: OIDC_CALLBACK_PATH,
    access: PUBLIC,
    schema: {
      summary: 'Single sign-on callback from the identity provider: sets the session cookie and redirects',
      tags: ['auth'],
      querystring: z.object({
        code: callbackValue,
        state: callbackValue,
        iss: callbackValue.describe('Issuer (RFC 9207), checked when the provider sends it'),
        error: callbackValue,
        error_description: callbackValue,
        session_state: callbackValue,
      }),
      response: { 302: redirectResponse('to the page the sign-in started from, or to /login?sso_error=<code> when it failed') },
    },
    handler: async (request, reply) => {
      const boundState = request.cookies[STATE_COOKIE];
      clearStateCookie(reply);
      try {
        const { session, returnTo } = await completeLogin(request.server.database.db, request.server.config, {
          state: request.query.state,
          boundState,
          rawQuery: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
        });
        setSessionCookie(request, reply, session);
        return reply.redirect(returnTo, 302);
      } catch (err) {
        return reply.redirect(loginPageWith(logFailure(request.log, 'callback', err)), 302);
      }
    },
  }),
];
