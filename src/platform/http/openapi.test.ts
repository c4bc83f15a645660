import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Operation {
  summary?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

describe('OpenAPI document', () => {
  it('describes every registered route with its schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.app.aimsRoutes) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op!.summary, `${route.method} ${route.url}`).toBeTruthy();
      const success = Object.keys(op!.responses).filter((s) => s.startsWith('2') || s.startsWith('3'));
      expect(success.length, `${route.method} ${route.url} has a success response`).toBeGreaterThan(0);
      expect(op!.responses['400']?.content?.['application/json']?.schema, `${route.method} ${route.url} documents errors`).toBeDefined();
      for (const name of route.url.match(/:([A-Za-z]+)/g) ?? []) {
        expect(op!.parameters?.some((p) => p.in === 'path' && p.name === name.slice(1)), `${route.url} path parameter ${name}`).toBe(true);
      }
      if (route.method === 'POST' || route.method === 'PATCH') {
        // A write either takes a documented body or none at all; never an undocumented one.
        if (op!.requestBody === undefined) expect(['/api/auth/logout', '/api/tokens/:id/revoke', '/api/ledger/checkpoints', '/api/ledger/entries/:seq/private/:field/erase', '/api/soa']).toContain(route.url);
      }
    }
  });

  it('serves interactive documentation at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('matches the committed copy that the typed API client is generated from', async () => {
    const live = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const committed = JSON.parse(fs.readFileSync(new URL('../api-client/openapi.json', import.meta.url), 'utf8'));
    // When this fails: run `npm run gen:api` and commit the regenerated client.
    expect(live).toEqual(committed);
  });
});
