import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionRule, permissionsOfRoles } from '../authz/permissions.ts';
import { ROLES, type Role } from '../authz/roles.ts';
import { makeOrganisation, makeUser } from '../../testing/factories.ts';
import { login, startTestApp, type Session, type TestApp } from '../../testing/test-app.ts';
import { AUTHENTICATED, PUBLIC, checkAccess, RouteDefinitionError } from './route.ts';

/**
 * The generated role x route matrix: every registered route is called by a user of every role,
 * and the answer must match the declared policy. A route added without going through
 * registerRoutes, or with an unknown permission, fails here.
 */
let t: TestApp;
const sessions = new Map<Role, Session>();
const emails = new Map<Role, string>();

// Routes served by plugins (documentation), outside the module policy by design.
const PLUGIN_ROUTE = (url: string) => url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');

beforeAll(async () => {
  t = await startTestApp();
  const org = await makeOrganisation(t.database.db);
  for (const role of ROLES) {
    const user = await makeUser(org, [role]);
    emails.set(role, user.email);
    sessions.set(role, await login(t.app, user.email));
  }
});
afterAll(async () => t.close());

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, () => crypto.randomUUID());
}

describe('access matrix', () => {
  it('registers every API route through the declarative registry', () => {
    const declared = new Set(t.app.aimsRoutes.map((r) => `${r.method} ${r.url}`));
    const undeclared = t.app.fastifyRoutes
      .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && !PLUGIN_ROUTE(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !declared.has(key));
    expect(undeclared).toEqual([]);
    expect(t.app.aimsRoutes.length).toBeGreaterThan(10);
  });

  it('refuses to register a route without a permission, with an unknown one, or a write guarded by a read permission', () => {
    expect(() => checkAccess('GET', '/api/x', undefined)).toThrow(RouteDefinitionError);
    expect(() => checkAccess('GET', '/api/x', '')).toThrow(RouteDefinitionError);
    expect(() => checkAccess('GET', '/api/x', 'nobody.knows.this')).toThrow(RouteDefinitionError);
    expect(() => checkAccess('POST', '/api/x', 'identity.users.read')).toThrow(RouteDefinitionError);
    expect(() => checkAccess('POST', '/api/x', 'identity.users.manage')).not.toThrow();
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const route of t.app.aimsRoutes.filter((r) => r.access !== PUBLIC)) {
      const res = await t.app.inject({ method: route.method, url: concreteUrl(route.url), ...(route.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('matches the declared policy for every role on every route', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of t.app.aimsRoutes.filter((r) => r.access !== PUBLIC)) {
      for (const role of ROLES) {
        const allowed = route.access === AUTHENTICATED || permissionsOfRoles([role]).has(route.access);
        const session = sessions.get(role)!;
        const res = await t.app.inject({
          method: route.method,
          url: concreteUrl(route.url),
          headers: session.headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        checked++;
        // Logging out ends the session the rest of the matrix needs: open a new one.
        if (route.url === '/api/auth/logout') sessions.set(role, await login(t.app, emails.get(role)!));
        const denied = res.statusCode === 403 && res.json().error.code === 'forbidden';
        if (allowed && (denied || res.statusCode === 401)) mismatches.push(`${role} ${route.method} ${route.url}: expected allowed, got ${res.statusCode}`);
        if (!allowed && !denied) mismatches.push(`${role} ${route.method} ${route.url}: expected 403 forbidden, got ${res.statusCode}`);
        // Never a 5xx, even for an empty body on random ids.
        if (res.statusCode >= 500) mismatches.push(`${role} ${route.method} ${route.url}: ${res.statusCode} ${res.body}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(t.app.aimsRoutes.filter((r) => r.access !== PUBLIC).length * ROLES.length);
  });

  it('keeps the external auditor read-only: no write route is open to it', () => {
    const writes = t.app.aimsRoutes.filter((r) => r.method !== 'GET' && r.access !== PUBLIC && r.access !== AUTHENTICATED);
    for (const route of writes) {
      expect(permissionRule(route.access)?.kind, route.url).toBe('write');
      expect(permissionsOfRoles(['external_auditor']).has(route.access), route.url).toBe(false);
    }
    expect(writes.length).toBeGreaterThan(0);
  });
});
