import { Option, type Command } from 'commander';
import { z } from 'zod';
import { systemActor } from '../platform/authz/actor.ts';
import { allPermissions } from '../platform/authz/permissions.ts';
import { isRole } from '../platform/authz/roles.ts';
import { getOrganisationBySlug } from '../modules/identity/organisations.service.ts';
import { createUserBody } from '../modules/identity/schema.ts';
import { createUser, setUserPassword } from '../modules/identity/users.service.ts';
import { CliError, configFrom, withDatabase, withDatabaseOptions, withOrgOption, type DatabaseFlags } from './options.ts';

interface UserCreateFlags extends DatabaseFlags {
  org: string;
  email: string;
  name: string;
  role: string[];
  department?: string;
  password?: string;
  expires?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage users');
  const create = user
    .command('create')
    .description('Create a user in an organisation (prints a generated password when none is given)')
    .requiredOption('--email <email>', 'email address (the login)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role...>', 'one or more roles')
    .option('--department <department>', 'department')
    .option('--expires <date>', 'expiry of time-boxed roles such as external_auditor (ISO date)')
    .addOption(new Option('--password <password>', 'initial password (min. 12 characters)').env('AIMS_USER_PASSWORD'));
  withOrgOption(withDatabaseOptions(create)).action(async (flags: UserCreateFlags) => {
    const bad = flags.role.filter((r) => !isRole(r));
    if (bad.length > 0) throw new CliError(`unknown role(s): ${bad.join(', ')}`, 2);
    const expiresAt = flags.expires ? new Date(flags.expires).toISOString() : null;
    const input = createUserBody.safeParse({
      email: flags.email,
      name: flags.name,
      department: flags.department ?? null,
      roles: flags.role.map((role) => ({ role, expiresAt: role === 'external_auditor' ? expiresAt : null })),
      password: flags.password,
    });
    if (!input.success) throw new CliError(z.prettifyError(input.error), 2);
    await withDatabase(configFrom(flags), async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      const ctx = { db, actor: systemActor(org.id, org.slug, allPermissions()), requestId: null };
      const created = await createUser(ctx, input.data);
      console.log(`Created ${created.email} (${created.roles.map((r) => r.role).join(', ')}) in ${org.slug}; id ${created.id}`);
      if (!flags.password) {
        const { temporaryPassword } = await setUserPassword(ctx, created.id, undefined);
        console.log(`Temporary password (shown once): ${temporaryPassword}`);
      }
    });
  });
}
