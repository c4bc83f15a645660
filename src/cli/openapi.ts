import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { createServer } from '../server.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { ephemeralSigner } from '../modules/ledger/signing-key.ts';

/** Prints the OpenAPI document without starting a server or touching a data folder. */
export async function openApiDocument(): Promise<unknown> {
  const database = openDatabase({ sqliteFile: ':memory:' });
  await migrateToLatest(database.db);
  const app = await createServer(loadConfig({}, {}), database, { logger: false, signer: ephemeralSigner() });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await database.close();
  return doc;
}

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('Write the OpenAPI document of this version')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (flags: { out?: string }) => {
      const text = JSON.stringify(await openApiDocument(), null, 2) + '\n';
      if (flags.out) fs.writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
