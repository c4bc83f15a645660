import type { Command } from 'commander';
import { migrateToLatest, migrationStatus } from '../platform/db/migrate.ts';
import { configFrom, withDatabase, withDatabaseOptions, type DatabaseFlags } from './options.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('Database migrations');
  withDatabaseOptions(db.command('migrate').description('Apply pending migrations')).action(async (flags: DatabaseFlags) => {
    await withDatabase(configFrom(flags), async ({ db: kdb, location }) => {
      const applied = await migrateToLatest(kdb);
      console.log(applied.length === 0 ? `Up to date (${location}).` : `Applied ${applied.join(', ')} (${location}).`);
    }, false);
  });
  withDatabaseOptions(db.command('status').description('List migrations and whether each is applied').option('--json', 'print JSON'))
    .action(async (flags: DatabaseFlags & { json?: boolean }) => {
      await withDatabase(configFrom(flags), async ({ db: kdb, location, dialect }) => {
        const status = await migrationStatus(kdb);
        if (flags.json) {
          console.log(JSON.stringify({ dialect, location, migrations: status }, null, 2));
          return;
        }
        console.log(`${dialect} ${location}`);
        for (const m of status) console.log(`  ${m.applied ? 'applied' : 'pending'}  ${m.name}${m.appliedAt ? `  ${m.appliedAt}` : ''}`);
        const pending = status.filter((m) => !m.applied).length;
        console.log(pending === 0 ? 'Up to date.' : `${pending} pending: run \`aims db migrate\`.`);
      }, false);
    });
}
