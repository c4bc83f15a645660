import crypto from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/authz/actor.ts';
import { allPermissions } from '../../platform/authz/permissions.ts';
import { ConfigError, loadConfig, type OidcConfig } from '../../platform/config.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import { makeUser, type TestOrg } from '../../testing/factories.ts';
import { startTestApp, testSigner, type TestApp } from '../../testing/test-app.ts';
import { loggerOptions } from '../../platform/http/logger.ts';
import { createServer } from '../../server.ts';
import { ensureOrganisation } from './organisations.service.ts';
import { rolesForGroups, safeReturnTo } from './oidc.service.ts';
import { setUserStatus, updateUser, getUser } from './users.service.ts';

/**
 * Single sign-on end to end against a real OpenID provider (oidc-provider) listening on
 * 127.0.0.1. The provider's login and consent screens are answered by code; the browser is played
 * by fetch (provider side, with a cookie jar) and app.inject (aims side).
 */

// --- the identity provider ----------------------------------------------------------------------

interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface InteractionDetails {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  grantId?: string;
  session?: { accountId?: string };
  params: Record<string, unknown>;
}
/** The part of oidc-provider this test uses (the package ships no type declarations). */
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
}
type ProviderConstructor = new (issuer: string, configuration: object) => Provider;

interface Person {
  email?: string;
  email_verified?: boolean;
  name: string;
  groups: string[];
}

const CLIENT_ID = 'aims';
const CLIENT_SECRET = crypto.randomBytes(24).toString('hex');
const AIMS_URL = 'http://aims.test';
const REDIRECT_URI = `${AIMS_URL}/api/auth/oidc/callback`;
const slug = `sso-${crypto.randomBytes(5).toString('hex')}`;
const mail = (local: string) => `${local}@${slug}.test`;

const people: Record<string, Person> = {
  alice: { email: mail('alice'), email_verified: true, name: 'Alice Example', groups: [] },
  rita: { email: mail('rita'), email_verified: true, name: 'Rita Risk', groups: ['risk-team', 'unrelated'] },
  ada: { email: mail('ada'), email_verified: true, name: 'Ada Admin', groups: ['aims-admins'] },
  dora: { email: mail('dora'), email_verified: true, name: 'Dora Existing', groups: ['risk-team'] },
  eve: { email: mail('erin'), email_verified: false, name: 'Eve Unverified', groups: [] },
  dan: { email: mail('dan'), email_verified: true, name: 'Dan Leaver', groups: [] },
  nomail: { name: 'No Mail', groups: [] },
};

/** Who the provider signs in next, and whether it refuses instead (as when a user is not assigned to the app). */
let signInAs = 'alice';
let refuseWith: { error: string; error_description: string } | null = null;

let providerServer: http.Server;
let issuer: string;

async function answerInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    const result = refuseWith ?? { login: { accountId: signInAs } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  // Consent: grant what the client asked for, as an admin-approved corporate app would.
  const accountId = details.session?.accountId ?? signInAs;
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId: CLIENT_ID });
  if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
  if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

async function startProvider(): Promise<void> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  providerServer = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;

  // Typed through the local interface above; a computed specifier keeps tsc from looking for declarations.
  const specifier: string = 'oidc-provider';
  const { default: OidcProvider } = (await import(specifier)) as { default: ProviderConstructor };
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const person = people[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...person }) };
    },
  });
  const providerCallback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      answerInteraction(provider, req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    providerCallback(req, res);
  };
}

// --- the browser ----------------------------------------------------------------------------

/** Follows the provider's redirects with a cookie jar until it sends the browser back to aims. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (next.startsWith(REDIRECT_URI)) return new URL(next);
    const res = await fetch(next, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects at the provider');
}

let t: TestApp;
let org: TestOrg;

interface Flow {
  state: string;
  callbackUrl: URL;
}

/** Start at aims, sign in at the provider, stop just before the callback reaches aims. */
async function untilCallback(who: string, returnTo = '/'): Promise<Flow> {
  signInAs = who;
  const start = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(302);
  const state = start.cookies.find((c) => c.name === 'aims_oidc_state')?.value;
  expect(state).toBeTruthy();
  return { state: state!, callbackUrl: await throughProvider(start.headers.location as string) };
}

async function deliver(callbackUrl: URL, stateCookie: string | undefined) {
  return t.app.inject({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    ...(stateCookie === undefined ? {} : { cookies: { aims_oidc_state: stateCookie } }),
  });
}

function sessionOf(res: Awaited<ReturnType<typeof deliver>>): string | undefined {
  return res.cookies.find((c) => c.name === 'aims_session' && c.value !== '')?.value;
}

async function signIn(who: string, returnTo = '/') {
  const flow = await untilCallback(who, returnTo);
  const res = await deliver(flow.callbackUrl, flow.state);
  return { res, flow, session: sessionOf(res) };
}

async function me(session: string) {
  const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `aims_session=${session}` } });
  expect(res.statusCode).toBe(200);
  return res.json() as { user: { id: string; email: string; name: string }; organisation: { slug: string }; roles: Array<{ role: string }> };
}

const roleNames = (m: { roles: Array<{ role: string }> }) => m.roles.map((r) => r.role).sort();

function oidcConfig(): OidcConfig {
  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    defaultRole: 'employee',
    groupRoles: { 'risk-team': 'risk_manager', 'aims-admins': 'admin' },
    organisationSlug: slug,
    groupsClaim: 'groups',
    label: 'Test identity provider',
  };
}

beforeAll(async () => {
  await startProvider();
  t = await startTestApp({ publicUrl: AIMS_URL, oidc: oidcConfig() });
  const { organisation } = await ensureOrganisation(t.database.db, slug, 'SSO Test Org');
  org = { id: organisation.id, slug, system: { db: t.database.db, actor: systemActor(organisation.id, slug, allPermissions()), requestId: null } };
  // An administrator, so that others can be deactivated (an organisation keeps at least one).
  await makeUser(org, ['admin']);
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => providerServer?.close(resolve));
});

describe('single sign-on with OpenID Connect', () => {
  it('tells the login page that single sign-on is available', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(res.json()).toEqual({ enabled: true, label: 'Test identity provider', startUrl: '/api/auth/oidc/start' });
  });

  it('starts with state, nonce and a PKCE S256 challenge, kept in the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/inventory' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile groups');
    const state = url.searchParams.get('state')!;
    const row = await t.database.db.selectFrom('oidc_login_states').selectAll().where('state', '=', state).executeTakeFirstOrThrow();
    expect(row.nonce).toBe(url.searchParams.get('nonce'));
    expect(url.searchParams.get('code_challenge')).toBe(crypto.createHash('sha256').update(row.code_verifier).digest('base64url'));
    expect(row.return_to).toBe('/inventory');
    const cookie = res.cookies.find((c) => c.name === 'aims_oidc_state');
    expect(cookie).toMatchObject({ value: state, httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  });

  it('creates the user on a first sign-in, with the default role, and returns to the page asked for', async () => {
    const { res, session } = await signIn('alice', '/inventory?tab=risks');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/inventory?tab=risks');
    expect(session).toBeTruthy();
    const who = await me(session!);
    expect(who.user).toMatchObject({ email: mail('alice'), name: 'Alice Example' });
    expect(who.organisation.slug).toBe(slug);
    expect(roleNames(who)).toEqual(['employee']);
    const user = await getUser(org.system, who.user.id);
    expect(user.hasPassword).toBe(false);
    const session_ = await t.database.db.selectFrom('sessions').select('auth_method').where('user_id', '=', who.user.id).executeTakeFirstOrThrow();
    expect(session_.auth_method).toBe('oidc');
  });

  it('reuses the same user on a second sign-in', async () => {
    const first = await me((await signIn('alice')).session!);
    const second = await me((await signIn('alice')).session!);
    expect(second.user.id).toBe(first.user.id);
    const users = await t.database.db.selectFrom('users').select('id').where('email', '=', mail('alice')).execute();
    expect(users).toHaveLength(1);
    const links = await t.database.db.selectFrom('oidc_identities').selectAll().where('user_id', '=', first.user.id).execute();
    expect(links).toEqual([expect.objectContaining({ issuer, subject: 'alice' })]);
  });

  it('gives the role a group maps to, and does not undo an administrator’s later change', async () => {
    const who = await me((await signIn('rita')).session!);
    expect(roleNames(who)).toEqual(['risk_manager']);
    const user = await getUser(org.system, who.user.id);
    await updateUser(org.system, who.user.id, { version: user.version, roles: [{ role: 'employee' }] });
    const again = await me((await signIn('rita')).session!);
    expect(again.user.id).toBe(who.user.id);
    expect(roleNames(again)).toEqual(['employee']);
  });

  it('grants admin only through an explicit group mapping', async () => {
    expect(roleNames(await me((await signIn('ada')).session!))).toEqual(['admin']);
    const config = oidcConfig();
    expect(rolesForGroups(config, ['nobody-maps-this'])).toEqual(['employee']);
    expect(() => rolesForGroups({ ...config, defaultRole: 'admin' }, [])).toThrow(expect.objectContaining({ code: 'sso_failed' }));
    expect(rolesForGroups({ ...config, groupRoles: { constructor: 'admin' } }, ['toString'])).toEqual(['employee']);
  });

  it('links an existing account by verified email, keeping its roles and password', async () => {
    const existing = await makeUser(org, ['model_owner'], { email: mail('dora') });
    const who = await me((await signIn('dora')).session!);
    expect(who.user.id).toBe(existing.id);
    expect(roleNames(who)).toEqual(['model_owner']);
    expect((await getUser(org.system, existing.id)).hasPassword).toBe(true);
  });

  it('refuses to link an existing account on an unverified email', async () => {
    const existing = await makeUser(org, ['compliance_officer'], { email: mail('erin') });
    const { res, session } = await signIn('eve');
    expect(res.headers.location).toBe('/login?sso_error=sso_failed');
    expect(session).toBeUndefined();
    const links = await t.database.db.selectFrom('oidc_identities').select('subject').where('user_id', '=', existing.id).execute();
    expect(links).toEqual([]);
  });

  it('refuses an identity without an email address', async () => {
    const { res, session } = await signIn('nomail');
    expect(res.headers.location).toBe('/login?sso_error=sso_failed');
    expect(session).toBeUndefined();
  });

  it('rejects a tampered state, and changes nothing', async () => {
    const flow = await untilCallback('alice');
    const tampered = new URL(flow.callbackUrl);
    const forged = `${flow.state.slice(0, -2)}xx`;
    tampered.searchParams.set('state', forged);
    // Even with a cookie that matches the forged state, there is no such login state.
    const res = await deliver(tampered, forged);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?sso_error=sso_failed');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('rejects a reused state: the login state is single use', async () => {
    const flow = await untilCallback('alice');
    expect(sessionOf(await deliver(flow.callbackUrl, flow.state))).toBeTruthy();
    // aims burns the state itself, whatever the provider does with a reused code.
    const left = await t.database.db.selectFrom('oidc_login_states').select('state').where('state', '=', flow.state).execute();
    expect(left).toEqual([]);
    const replay = await deliver(flow.callbackUrl, flow.state);
    expect(replay.headers.location).toBe('/login?sso_error=sso_failed');
    expect(sessionOf(replay)).toBeUndefined();
  });

  it('rejects a callback in a browser that did not start the flow (login CSRF), without burning the state', async () => {
    const flow = await untilCallback('alice');
    const elsewhere = await deliver(flow.callbackUrl, undefined);
    expect(elsewhere.headers.location).toBe('/login?sso_error=sso_failed');
    expect(sessionOf(elsewhere)).toBeUndefined();
    expect(sessionOf(await deliver(flow.callbackUrl, flow.state))).toBeTruthy();
  });

  it('rejects a login state older than ten minutes', async () => {
    const flow = await untilCallback('alice');
    const old = new Date(Date.now() - 11 * 60_000).toISOString();
    await t.database.db.updateTable('oidc_login_states').set({ created_at: old }).where('state', '=', flow.state).execute();
    const res = await deliver(flow.callbackUrl, flow.state);
    expect(res.headers.location).toBe('/login?sso_error=sso_failed');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('turns a refusal by the provider, or a callback with nothing, into a redirect to the login page', async () => {
    refuseWith = { error: 'access_denied', error_description: 'not assigned to this application' };
    try {
      const { res, session } = await signIn('alice');
      expect(res.headers.location).toBe('/login?sso_error=sso_failed');
      expect(session).toBeUndefined();
    } finally {
      refuseWith = null;
    }
    const empty = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback' });
    expect(empty.statusCode).toBe(302);
    expect(empty.headers.location).toBe('/login?sso_error=sso_failed');
  });

  it('does not let a deactivated user sign in', async () => {
    const who = await me((await signIn('dan')).session!);
    const user = await getUser(org.system, who.user.id);
    await setUserStatus(org.system, who.user.id, user.version, 'deactivated');
    const { res, session } = await signIn('dan');
    expect(res.headers.location).toBe('/login?sso_error=sso_failed');
    expect(session).toBeUndefined();
  });

  it('keeps returnTo on this site', async () => {
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/\t/evil.example', 'javascript:alert(1)', '']) {
      expect(safeReturnTo(evil), JSON.stringify(evil)).toBe('/');
    }
    expect(safeReturnTo('/inventory?x=1#top')).toBe('/inventory?x=1#top');
    expect(safeReturnTo('/modèles')).toBe('/mod%C3%A8les');
    const res = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent('//evil.example/x')}` });
    const state = new URL(res.headers.location as string).searchParams.get('state')!;
    const row = await t.database.db.selectFrom('oidc_login_states').select('return_to').where('state', '=', state).executeTakeFirstOrThrow();
    expect(row.return_to).toBe('/');
  });

  it('documents the three endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sso', '/api/auth/oidc/start', '/api/auth/oidc/callback']));
  });
});

describe('single sign-on when not configured', () => {
  it('answers 404 sso_not_configured at the start and says disabled', async () => {
    const plain = await startTestApp();
    try {
      const start = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/' });
      expect(start.statusCode).toBe(404);
      expect(start.json().error.code).toBe('sso_not_configured');
      expect((await plain.app.inject({ method: 'GET', url: '/api/auth/sso' })).json()).toMatchObject({ enabled: false, label: '' });
      const callback = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y', cookies: { aims_oidc_state: 'y' } });
      expect(callback.headers.location).toBe('/login?sso_error=sso_not_configured');
    } finally {
      await plain.close();
    }
  });

  it('sends the browser back to the login page when the provider cannot be reached', async () => {
    const down = await startTestApp({ publicUrl: AIMS_URL, oidc: { ...oidcConfig(), issuer: 'http://127.0.0.1:1' } });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/login?sso_error=sso_failed');
      expect(await down.database.db.selectFrom('oidc_login_states').selectAll().execute()).toEqual([]);
    } finally {
      await down.close();
    }
  });

  it('refuses admin as the default role, and unknown roles, when loading the configuration', () => {
    const env = { AIMS_OIDC_ISSUER: 'https://idp.example', AIMS_OIDC_CLIENT_ID: 'aims' };
    expect(() => loadConfig({}, { ...env, AIMS_OIDC_DEFAULT_ROLE: 'admin' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { ...env, AIMS_OIDC_DEFAULT_ROLE: 'superuser' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { ...env, AIMS_OIDC_GROUP_ROLES: 'auditors=external_auditor' })).toThrow(ConfigError);
    const config = loadConfig({}, { ...env, AIMS_OIDC_GROUP_ROLES: 'aims-admins=admin,risk-team=risk_manager' });
    expect(config.oidc).toMatchObject({ defaultRole: 'employee', groupRoles: { 'aims-admins': 'admin', 'risk-team': 'risk_manager' } });
  });
});

describe('single sign-on logging', () => {
  it('logs why a sign-in failed without personal data', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const app = await createServer({ ...loadConfig({ dataDir: '/nonexistent-aims-test' }, {}), publicUrl: AIMS_URL, oidc: { ...oidcConfig(), organisationSlug: 'no-such-org' } }, database, {
      // The production logger settings, writing to memory.
      logger: { ...(loggerOptions('info') as object), stream: { write: (line: string) => lines.push(line) } },
      webDir: '/nonexistent-aims-web',
      signer: testSigner,
    });
    try {
      signInAs = 'alice';
      const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      const state = start.cookies.find((c) => c.name === 'aims_oidc_state')!.value;
      const callbackUrl = await throughProvider(start.headers.location as string);
      const res = await app.inject({ method: 'GET', url: `${callbackUrl.pathname}${callbackUrl.search}`, cookies: { aims_oidc_state: state } });
      expect(res.headers.location).toBe('/login?sso_error=sso_failed');
      const failure = lines.map((l) => JSON.parse(l) as { msg?: string; reason?: string }).find((l) => l.msg === 'single sign-on failed');
      expect(failure?.reason).toBe('organisation_missing');
      const all = lines.join('\n');
      for (const secret of [mail('alice'), 'Alice Example', CLIENT_SECRET, callbackUrl.searchParams.get('code')!]) expect(all).not.toContain(secret);
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
