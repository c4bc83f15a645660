import { Option, type Command } from 'commander';
import { loadConfig, type AimsConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

/** The flags every command that touches the database takes; each also reads its AIMS_* variable. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--data-dir <dir>', 'folder for the SQLite database and keys').env('AIMS_DATA_DIR'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL URL (postgres://...); SQLite in the data folder when absent').env('AIMS_DATABASE_URL'));
}

export function withOrgOption(command: Command): Command {
  return command.addOption(new Option('--org <slug>', 'organisation slug').env('AIMS_ORG').default('northwind'));
}

export interface DatabaseFlags {
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(flags: DatabaseFlags & { port?: string; host?: string }): AimsConfig {
  return loadConfig({
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    host: flags.host,
    port: flags.port === undefined ? undefined : Number(flags.port),
  });
}

/** Opens the database, applies pending migrations, runs `work`, and always closes the handle. */
export async function withDatabase<T>(config: AimsConfig, work: (database: Database) => Promise<T>, migrate = true): Promise<T> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (migrate) await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
