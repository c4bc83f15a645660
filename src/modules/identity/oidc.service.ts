import crypto from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import { systemActor } from '../../platform/authz/actor.ts';
import { allPermissions } from '../../platform/authz/permissions.ts';
import { isRole, ROLES_REQUIRING_EXPIRY, type Role } from '../../platform/authz/roles.ts';
import type { AimsConfig, OidcConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { addMinutes, nowIso } from '../../platform/db/time.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendEvent } from '../ledger/append.service.ts';
import { openSession, type NewSession } from './auth.service.ts';
import * as oidcRepo from './oidc.repository.ts';
import { findOrganisationBySlug } from './organisations.repository.ts';
import { findMember, findUserByEmail } from './users.repository.ts';
import { createUser } from './users.service.ts';

/**
 * Single sign-on with OpenID Connect: authorization code flow with PKCE (S256), state and nonce,
 * through openid-client, which validates the ID token (signature, issuer, audience, expiry, nonce).
 * The state row lives in the database so that any of several aims servers can take the callback;
 * a cookie holding the same state binds the flow to the browser that started it (login CSRF).
 */

export const OIDC_START_PATH = '/api/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
const STATE_TTL_MINUTES = 10;
const MAX_RETURN_TO_LENGTH = 1024;

/** A failed sign-in: the reason goes to the log only; the browser learns just `sso_failed`. */
export function ssoFailed(reason: string): AppError {
  return new AppError('sso_failed', undefined, { reason });
}

export function requireOidc(config: AimsConfig): OidcConfig {
  if (!config.oidc) throw new AppError('sso_not_configured');
  return config.oidc;
}

export function redirectUriOf(config: AimsConfig): string {
  const base = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  return `${base}${OIDC_CALLBACK_PATH}`;
}

/**
 * Keeps only same-site relative paths, so the callback can never become an open redirect.
 * `//host` and `/\host` are protocol-relative to browsers, and they drop tabs and newlines while
 * parsing, so those are refused outright; the result is re-serialised so it is valid in a header.
 */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || value.length > MAX_RETURN_TO_LENGTH) return '/';
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  const origin = 'http://aims.invalid';
  const url = new URL(value, origin);
  if (url.origin !== origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

// --- discovery, cached per process --------------------------------------------------------

const discoveries = new Map<string, Promise<client.Configuration>>();

/** Plain HTTP is accepted only for an identity provider on this machine (development and tests). */
function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

async function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret ?? null]);
  const cached = discoveries.get(key);
  if (cached) return cached;
  let issuer: URL;
  try {
    issuer = new URL(oidc.issuer);
  } catch {
    throw ssoFailed('issuer_not_a_url');
  }
  const pending = client.discovery(
    issuer,
    oidc.clientId,
    undefined,
    oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
    { timeout: 10, ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}) },
  );
  discoveries.set(key, pending);
  // A failed discovery (provider down for a moment) is not cached, or SSO would stay broken until a restart.
  pending.catch(() => discoveries.delete(key));
  return pending;
}

// --- login state ----------------------------------------------------------------------------

async function purgeExpiredStates(db: Db, now: string): Promise<void> {
  await oidcRepo.purgeStatesBefore(db, addMinutes(now, -STATE_TTL_MINUTES));
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}

function scopesFor(oidc: OidcConfig, configuration: client.Configuration): string {
  const scopes = ['openid', 'email', 'profile'];
  // Some providers release the groups claim only for a scope of the same name; asking for a scope
  // the provider does not advertise may be refused, so ask only when it is advertised.
  if (configuration.serverMetadata().scopes_supported?.includes(oidc.groupsClaim)) scopes.push(oidc.groupsClaim);
  return scopes.join(' ');
}

export interface StartedLogin {
  authorizationUrl: string;
  state: string;
}

export async function startLogin(db: Db, config: AimsConfig, returnTo: string | undefined): Promise<StartedLogin> {
  const oidc = requireOidc(config);
  const configuration = await discover(oidc);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = nowIso();
  await purgeExpiredStates(db, now);
  await oidcRepo.insertState(db, { state, nonce, code_verifier: codeVerifier, return_to: safeReturnTo(returnTo), created_at: now });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriOf(config),
    response_type: 'code',
    scope: scopesFor(oidc, configuration),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: url.href, state };
}

// --- callback -------------------------------------------------------------------------------

export interface CallbackInput {
  /** `state` from the callback's query string. */
  state: string | undefined;
  /** The state held in the browser's cookie since the start. */
  boundState: string | undefined;
  /** The callback's raw query string, as the provider sent it (openid-client validates every parameter). */
  rawQuery: string;
}

export interface CompletedLogin {
  session: NewSession;
  returnTo: string;
}

export async function completeLogin(db: Db, config: AimsConfig, input: CallbackInput): Promise<CompletedLogin> {
  const oidc = requireOidc(config);
  if (!input.state) throw ssoFailed('state_missing');
  if (!input.boundState || !sameSecret(input.state, input.boundState)) throw ssoFailed('state_not_bound_to_browser');
  const row = await oidcRepo.consumeState(db, input.state);
  if (!row) throw ssoFailed('state_unknown_or_used');
  if (row.created_at < addMinutes(nowIso(), -STATE_TTL_MINUTES)) throw ssoFailed('state_expired');

  const configuration = await discover(oidc);
  const currentUrl = new URL(redirectUriOf(config));
  currentUrl.search = input.rawQuery;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: row.code_verifier,
    expectedState: row.state,
    expectedNonce: row.nonce,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw ssoFailed('no_id_token');
  const identity = await readIdentity(oidc, configuration, idClaims, tokens.access_token);
  const { userId, organisationId } = await resolveMember(db, oidc, configuration.serverMetadata().issuer, identity);
  const session = await openSession(db, config, userId, organisationId, 'oidc');
  return { session, returnTo: safeReturnTo(row.return_to) };
}

// --- claims ---------------------------------------------------------------------------------

interface Identity {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string;
  groups: string[];
}

const emailClaim = z.string().trim().toLowerCase().pipe(z.email().max(254));
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function groupsFrom(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}

async function readIdentity(
  oidc: OidcConfig,
  configuration: client.Configuration,
  idClaims: client.IDToken,
  accessToken: string,
): Promise<Identity> {
  let claims: Record<string, unknown> = idClaims;
  // Providers that follow the core spec release scope claims (email, groups) from the userinfo
  // endpoint rather than the ID token when an access token is issued. fetchUserInfo checks that
  // userinfo speaks of the same subject; the signed ID token wins where both carry a claim.
  const missing = idClaims.email === undefined || idClaims.email_verified === undefined || idClaims[oidc.groupsClaim] === undefined;
  if (missing && configuration.serverMetadata().userinfo_endpoint && accessToken) {
    const userinfo = await client.fetchUserInfo(configuration, accessToken, idClaims.sub);
    claims = { ...userinfo, ...idClaims };
  }
  const email = emailClaim.safeParse(claims.email);
  const name =
    text(claims.name) ??
    text([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ')) ??
    text(claims.preferred_username) ??
    (email.success ? email.data.split('@')[0] : undefined) ??
    'Single sign-on user';
  return {
    subject: idClaims.sub,
    email: email.success ? email.data : undefined,
    // Only a real boolean true counts: linking an account on a claim the provider did not assert would hand it over.
    emailVerified: claims.email_verified === true,
    name: name.slice(0, 200),
    groups: groupsFrom(claims[oidc.groupsClaim]),
  };
}

// --- people ---------------------------------------------------------------------------------

function grantable(role: string | undefined): role is Role {
  return role !== undefined && isRole(role) && !ROLES_REQUIRING_EXPIRY.has(role);
}

/**
 * Roles for a first sign-in: every role a group maps to, else the default role. Admin may come
 * only from an explicit group mapping; loadConfig refuses an admin default, and this refuses it
 * again for a configuration built some other way.
 */
export function rolesForGroups(oidc: OidcConfig, groups: string[]): Role[] {
  const mapped = new Set<Role>();
  for (const group of groups) {
    const role = Object.hasOwn(oidc.groupRoles, group) ? oidc.groupRoles[group] : undefined;
    if (grantable(role)) mapped.add(role);
  }
  if (mapped.size > 0) return [...mapped].sort();
  if (!grantable(oidc.defaultRole) || oidc.defaultRole === 'admin') throw ssoFailed('default_role_not_allowed');
  return [oidc.defaultRole];
}

/**
 * Finds or provisions the person behind an identity and checks they may sign in.
 *
 * Roles are set from the provider's groups only when the membership is created. On later sign-ins
 * they are left alone: aims is where roles are managed, so an administrator's demotion is not undone
 * by a stale group, and a group change at the provider cannot silently make someone an admin.
 * The price: removing someone from a group does not remove the aims role; an admin does that.
 */
async function resolveMember(db: Db, oidc: OidcConfig, issuer: string, identity: Identity): Promise<{ userId: string; organisationId: string }> {
  const org = await findOrganisationBySlug(db, oidc.organisationSlug);
  if (!org) throw ssoFailed('organisation_missing');
  const system = { db, actor: systemActor(org.id, org.slug, allPermissions()), requestId: null };

  const linkedUserId = await oidcRepo.findLinkedUser(db, issuer, identity.subject);
  let userId = linkedUserId;
  if (!userId) {
    if (!identity.email) throw ssoFailed('no_email_claim');
    const existing = await findUserByEmail(db, identity.email);
    if (existing && !identity.emailVerified) throw ssoFailed('email_taken_but_not_verified');
    userId = existing?.id;
  }

  if (userId) {
    const member = await findMember(db, org.id, userId);
    if (member && member.status !== 'active') throw ssoFailed('membership_deactivated');
    if (!member) {
      // Known person, new to this organisation: they join it as a first sign-in would.
      const user = await oidcRepo.findUserIdentity(db, userId);
      await createUser(system, { email: user.email, name: user.name, department: null, roles: rolesForGroups(oidc, identity.groups).map((role) => ({ role })) });
    }
  } else {
    if (!identity.email) throw ssoFailed('no_email_claim');
    const created = await createUser(system, {
      email: identity.email,
      name: identity.name,
      department: null,
      roles: rolesForGroups(oidc, identity.groups).map((role) => ({ role })),
    });
    userId = created.id;
  }

  if (!linkedUserId) {
    const linkedId = userId;
    await db.transaction().execute(async (tx) => {
      if (await oidcRepo.linkIdentity(tx, { issuer, subject: identity.subject, user_id: linkedId, created_at: nowIso() })) {
        await appendEvent(tx, system, { action: 'identity.sso_identity.linked', resource: { type: 'user', id: linkedId, isPerson: true }, changes: [{ field: 'issuer', new: issuer }] });
      }
    });
    // A concurrent first sign-in may have linked the subject first: never open a session for an
    // account other than the one the subject is linked to.
    const stored = await oidcRepo.findLinkedUser(db, issuer, identity.subject);
    if (stored !== userId) throw ssoFailed('identity_linked_concurrently');
  }
  return { userId, organisationId: org.id };
}
