import type { Command } from 'commander';
import { buildActor } from '../modules/identity/actor-builder.ts';
import { getOrganisationBySlug } from '../modules/identity/organisations.service.ts';
import { findMemberByEmail } from '../modules/identity/users.repository.ts';
import { createToken } from '../modules/identity/tokens.service.ts';
import { nowIso } from '../platform/db/time.ts';
import { CliError, configFrom, withDatabase, withDatabaseOptions, withOrgOption, type DatabaseFlags } from './options.ts';

interface TokenCreateFlags extends DatabaseFlags {
  org: string;
  email: string;
  name: string;
  scope: string[];
  days: string;
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens');
  const create = token
    .command('create')
    .description('Create an API token for a user (for CI pipelines); prints the secret once')
    .requiredOption('--email <email>', 'the user who owns the token')
    .requiredOption('--name <name>', 'what the token is for, e.g. "credit model CI"')
    .option('--scope <scope...>', '"*", "read", or permission names', ['*'])
    .option('--days <days>', 'days until it expires (1-365)', '90');
  withOrgOption(withDatabaseOptions(create)).action(async (flags: TokenCreateFlags) => {
    const days = Number(flags.days);
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new CliError('--days must be an integer from 1 to 365', 2);
    await withDatabase(configFrom(flags), async ({ db }) => {
      const org = await getOrganisationBySlug(db, flags.org);
      const member = await findMemberByEmail(db, org.id, flags.email.toLowerCase());
      if (!member || member.status !== 'active') throw new CliError(`no active user ${flags.email} in ${org.slug}`, 2);
      // The token acts as its owner, so it is created with the owner's own rights.
      const actor = await buildActor(db, { kind: 'user', userId: member.id, organisationId: org.id, organisationSlug: org.slug, membershipId: member.membership_id }, nowIso());
      const { token: created, secret } = await createToken({ db, actor, requestId: null }, { name: flags.name, scopes: flags.scope, expiresInDays: days });
      console.error(`Created token "${created.name}" for ${member.email}, expires ${created.expiresAt}. The secret follows (shown once):`);
      console.log(secret);
    });
  });
}
