import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { demoEmail, seedDemo } from '../modules/demo/seed.ts';
import { countOrganisations } from '../modules/identity/organisations.service.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createServer } from '../server.ts';
import { configFrom, withDatabaseOptions, type DatabaseFlags } from './options.ts';

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('Start the aims server (applies migrations; seeds the demo organisation into an empty database)')
    .addOption(new Option('--port <port>', 'port to listen on').env('AIMS_PORT').default('8080'))
    .addOption(new Option('--host <host>', 'address to listen on').env('AIMS_HOST').default('127.0.0.1'))
    .addOption(new Option('--no-demo', 'do not seed the demo organisation into an empty database').env('AIMS_NO_DEMO'));
  withDatabaseOptions(cmd).action(async (flags: DatabaseFlags & { port: string; host: string; demo: boolean }) => {
    const config = configFrom(flags);
    const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const applied = await migrateToLatest(database.db);
    let seeded: Awaited<ReturnType<typeof seedDemo>> | null = null;
    if (flags.demo && (await countOrganisations(database.db)) === 0) seeded = await seedDemo(database.db, { password: config.demoPassword });
    const app = await createServer(config, database, { checkpointJob: true });
    const shutdown = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    await app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    console.log('');
    console.log(pc.bold(`aims is running at ${pc.cyan(url)}`) + `  (database: ${database.location})`);
    if (applied.length > 0) console.log(`  applied migrations: ${applied.join(', ')}`);
    console.log(`  API docs: ${url}/api/docs`);
    if (seeded) {
      console.log(pc.bold('\n  Demo organisation "Northwind Lending" seeded. Sign in as any role:'));
      console.log(`    email:    ${pc.cyan(demoEmail('admin'))} (or ROLE@northwind.example for any role)`);
      if (seeded.generatedPassword) {
        console.log(`    password: ${pc.yellow(seeded.generatedPassword)}   ${pc.dim('(shown once; set AIMS_DEMO_PASSWORD to choose it)')}`);
      } else {
        console.log('    password: the value of AIMS_DEMO_PASSWORD');
      }
    } else {
      console.log(`  Sign in with your account. (Demo users: ROLE@northwind.example with the password printed on first start.)`);
    }
    console.log('');
  });
}
