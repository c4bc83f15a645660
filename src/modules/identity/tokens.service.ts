import crypto from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import { allPermissions } from '../../platform/authz/permissions.ts';
import { addMinutes, nowIso } from '../../platform/db/time.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Page } from '../../platform/http/schemas.ts';
import type { ApiTokensTable } from '../../platform/db/tables.ts';
import type { ApiToken } from './schema.ts';
import { randomSecret, sha256Hex } from './secrets.ts';
import * as repo from './tokens.repository.ts';
import { appendEvent } from '../ledger/append.service.ts';

export const TOKEN_PREFIX = 'aims_';

function toApiToken(row: ApiTokensTable, now: string): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    status: row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active',
  };
}

function requireUser(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'Only a person can own API tokens.');
  return ctx.actor.userId;
}

export function checkScopes(scopes: string[]): void {
  const known = new Set(allPermissions());
  const bad = scopes.filter((s) => s !== '*' && s !== 'read' && !known.has(s));
  if (bad.length > 0) {
    throw new AppError('validation_failed', 'Unknown scopes.', { issues: bad.map((s) => ({ in: 'body', path: 'scopes', message: `unknown scope "${s}"` })) });
  }
}

/** Creates a token for the acting person. The secret is returned once; only its SHA-256 is stored. */
export async function createToken(
  ctx: ServiceContext,
  input: { name: string; scopes: string[]; expiresInDays: number },
): Promise<{ token: ApiToken; secret: string }> {
  const userId = requireUser(ctx);
  if (ctx.actor.kind === 'token') throw new AppError('forbidden', 'An API token cannot create other tokens; sign in to do so.');
  checkScopes(input.scopes);
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const now = nowIso();
  const row: ApiTokensTable = {
    id: crypto.randomUUID(),
    organisation_id: ctx.actor.organisationId,
    user_id: userId,
    name: input.name,
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    token_hash: sha256Hex(secret),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_at: now,
    expires_at: addMinutes(now, input.expiresInDays * 24 * 60),
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertToken(tx, row);
    await appendEvent(tx, ctx, {
      action: 'identity.token.created',
      resource: { type: 'api_token', id: row.id },
      changes: [
        { field: 'scopes', new: JSON.parse(row.scopes) },
        { field: 'expires_at', new: row.expires_at },
      ],
    });
  });
  return { token: toApiToken(row, now), secret };
}

export async function listTokens(
  ctx: ServiceContext,
  query: { limit: number; offset: number; sort: string; status?: 'active' | 'expired' | 'revoked' | undefined },
): Promise<Page<ApiToken>> {
  const userId = requireUser(ctx);
  const now = nowIso();
  const { rows, total } = await repo.listTokens(ctx.db, ctx.actor.organisationId, userId, { status: query.status, now }, query);
  return { items: rows.map((r) => toApiToken(r, now)), total, limit: query.limit, offset: query.offset };
}

export async function revokeToken(ctx: ServiceContext, tokenId: string): Promise<ApiToken> {
  const userId = requireUser(ctx);
  const row = await repo.findOwnToken(ctx.db, ctx.actor.organisationId, userId, tokenId);
  if (!row) throw notFound('Token');
  if (row.revoked_at) throw new AppError('invalid_state', 'The token is already revoked.');
  const now = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await repo.revokeToken(tx, tokenId, now);
    await appendEvent(tx, ctx, { action: 'identity.token.revoked', resource: { type: 'api_token', id: tokenId }, changes: [{ field: 'revoked_at', new: now }] });
  });
  return toApiToken({ ...row, revoked_at: now }, now);
}
