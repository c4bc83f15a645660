import crypto from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/time.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { OrganisationsTable } from '../../platform/db/tables.ts';
import { systemActor } from '../../platform/authz/actor.ts';
import { appendEvents } from '../ledger/append.service.ts';
import { findOrganisationBySlug, insertOrganisation } from './organisations.repository.ts';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export async function getOrganisationBySlug(db: Db, slug: string): Promise<OrganisationsTable> {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw new AppError('not_found', `No organisation with slug "${slug}".`);
  return org;
}

/** Creates an organisation (a tenant), or returns the existing one with that slug. */
export async function ensureOrganisation(db: Db, slug: string, name: string): Promise<{ organisation: OrganisationsTable; created: boolean }> {
  if (!SLUG_PATTERN.test(slug)) throw new AppError('validation_failed', `"${slug}" is not a valid slug (lowercase letters, digits and dashes).`);
  const existing = await findOrganisationBySlug(db, slug);
  if (existing) return { organisation: existing, created: false };
  const now = nowIso();
  const organisation = { id: crypto.randomUUID(), slug, name, created_at: now, updated_at: now, version: 1 };
  await db.transaction().execute(async (tx) => {
    await insertOrganisation(tx, organisation);
    // The first entry of every organisation's log is its own creation.
    await appendEvents(tx, systemActor(organisation.id, slug, []), null, [
      { action: 'identity.organisation.created', resource: { type: 'organisation', id: organisation.id }, changes: [{ field: 'slug', new: slug }, { field: 'name', new: name }] },
    ]);
  });
  return { organisation, created: true };
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
