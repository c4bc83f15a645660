import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { allRoutes } from './modules/index.ts';
import { createAuthenticator } from './modules/identity/authenticator.ts';
import type { AimsConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { buildApp } from './platform/http/app.ts';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** The composition root: wires the modules into the HTTP application. */
export async function createServer(
  config: AimsConfig,
  database: Database,
  options: { logger?: FastifyServerOptions['logger'] | false; webDir?: string } = {},
): Promise<FastifyInstance> {
  return buildApp({
    config,
    database,
    authenticator: createAuthenticator(database.db, config),
    routes: allRoutes,
    webDir: options.webDir ?? WEB_DIST_DIR,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
}
