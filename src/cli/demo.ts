import { Option, type Command } from 'commander';
import { seedDemo } from '../modules/demo/seed.ts';
import { configFrom, withDatabase, withDatabaseOptions, type DatabaseFlags } from './options.ts';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('The demo organisation "Northwind Lending"');
  const seed = demo
    .command('seed')
    .description('Seed the demo organisation (idempotent: creates only what is missing)')
    .addOption(new Option('--password <password>', 'password of the demo users').env('AIMS_DEMO_PASSWORD'));
  withDatabaseOptions(seed).action(async (flags: DatabaseFlags & { password?: string }) => {
    await withDatabase(configFrom(flags), async ({ db }) => {
      const result = await seedDemo(db, { password: flags.password });
      console.log(result.organisationCreated ? 'Created organisation northwind.' : 'Organisation northwind already exists.');
      console.log(result.usersCreated.length > 0 ? `Created users: ${result.usersCreated.join(', ')}` : 'All demo users already exist.');
      if (result.generatedPassword) console.log(`Password of the new demo users (shown once): ${result.generatedPassword}`);
    });
  });
}
