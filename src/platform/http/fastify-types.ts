import type { Actor } from '../authz/actor.ts';
import type { AimsConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { LedgerSigner } from '../../modules/ledger/signing-key.ts';
import type { Authenticator } from './authenticate.ts';
import type { RegisteredRoute, RouteAccess } from './route.ts';

declare module 'fastify' {
  interface FastifyInstance {
    aimsRoutes: RegisteredRoute[];
    fastifyRoutes: Array<{ method: string; url: string }>;
    database: Database;
    config: AimsConfig;
    authenticator: Authenticator;
    ledgerSigner: LedgerSigner;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authMethod: 'session' | 'token' | null;
    /** The session's CSRF token, when the request came with a session cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export {};
