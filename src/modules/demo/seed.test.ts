import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/authz/actor.ts';
import { allPermissions } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { listAssessments } from '../assessments/assessments.service.ts';
import { maturityOf } from '../assessments/maturity.service.ts';
import { getOrganisationBySlug } from '../identity/organisations.service.ts';
import { listUsers } from '../identity/users.service.ts';
import { verifyDatabase } from '../ledger/export.service.ts';
import { DEMO_ORG_SLUG, seedDemo } from './seed.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.dispose());

describe('demo organisation', () => {
  it('seeds one user per role and a gap assessment whose maturity history starts at 2.1, idempotently', async () => {
    const first = await seedDemo(t.db, { password: 'demo-password-123' });
    expect(first).toMatchObject({ organisationCreated: true, generatedPassword: null, assessmentCreated: true });
    expect(first.usersCreated).toEqual(ROLES.map((r) => `${r}@northwind.example`));
    const org = await getOrganisationBySlug(t.db, DEMO_ORG_SLUG);
    const ctx = { db: t.db, actor: systemActor(org.id, org.slug, allPermissions()), requestId: null };
    const [assessment] = await listAssessments(ctx);
    const m = await maturityOf(ctx, assessment!.id);
    expect(m.history.map((h) => h.overall)).toEqual([2.1, 2.4]);
    expect(m.current.overall).toBeGreaterThan(2.4);
    expect(m.target).toBe(4.5);
    expect(m.readiness.share).toBeGreaterThan(0);

    const again = await seedDemo(t.db, {});
    expect(again).toMatchObject({ organisationCreated: false, usersCreated: [], generatedPassword: null, assessmentCreated: false });
    expect((await listUsers(ctx, { limit: 50, offset: 0, sort: 'name' })).total).toBe(ROLES.length);
    expect((await verifyDatabase(t.db, org.id)).ok).toBe(true);
  });
});
