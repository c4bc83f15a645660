import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { allRoutes } from './modules/index.ts';
import { createAuthenticator } from './modules/identity/authenticator.ts';
import { checkpointDue } from './modules/ledger/checkpoints.service.ts';
import { publishErrorLogger, sinksOf } from './modules/ledger/publish.ts';
import { loadSigner, publishKey, type LedgerSigner } from './modules/ledger/signing-key.ts';
import type { AimsConfig } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { buildApp } from './platform/http/app.ts';

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export function signerFor(config: AimsConfig): LedgerSigner {
  return loadSigner({ dataDir: config.dataDir, keyPem: config.ledger.keyPem, keyFile: config.ledger.keyFile, name: config.ledger.keyName });
}

/** The composition root: wires the modules into the HTTP application. */
export async function createServer(
  config: AimsConfig,
  database: Database,
  options: { logger?: FastifyServerOptions['logger'] | false; webDir?: string; signer?: LedgerSigner; checkpointJob?: boolean } = {},
): Promise<FastifyInstance> {
  const signer = options.signer ?? signerFor(config);
  await publishKey(database.db, signer);
  const app = await buildApp({
    config,
    database,
    authenticator: createAuthenticator(database.db, config),
    routes: allRoutes,
    webDir: options.webDir ?? WEB_DIST_DIR,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  app.decorate('ledgerSigner', signer);
  if (options.checkpointJob) startCheckpointJob(app, database, signer, config);
  return app;
}

/** Signs checkpoints as the logs grow (every N entries or T seconds); each server runs one, idempotently. */
function startCheckpointJob(app: FastifyInstance, database: Database, signer: LedgerSigner, config: AimsConfig): void {
  const policy = { everyEntries: config.ledger.checkpointEntries, everySeconds: config.ledger.checkpointSeconds };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkpointDue(database.db, signer, policy, sinksOf(config), publishErrorLogger(app.log))
      .catch((err: unknown) => app.log.error({ err }, 'ledger checkpoint job failed'))
      .finally(() => {
        running = false;
      });
  }, Math.min(5000, policy.everySeconds * 1000));
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
