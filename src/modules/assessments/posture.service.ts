import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { catalogueOf } from '../frameworks/service.ts';
import { requireAssessment } from './assessments.service.ts';
import { derive, type Result } from './propagation.ts';
import * as repo from './repository.ts';

/**
 * The posture of an assessment seen through another framework: each item of the target framework
 * gets the result derived from the assessed items mapped to it (see propagation.ts), with the
 * contributions that produced it.
 */
export async function postureIn(ctx: ServiceContext, assessmentId: string, targetFrameworkId: string) {
  const assessment = await requireAssessment(ctx, assessmentId);
  const catalogue = await catalogueOf(ctx);
  const target = catalogue.frameworks.get(targetFrameworkId)?.framework;
  if (!target) throw notFound(`Framework "${targetFrameworkId}"`);
  const source = assessment.framework_id;
  const results = new Map((await repo.resultsOf(ctx.db, ctx.actor.organisationId, [assessmentId])).map((r) => [r.item_id, r.result as Result | null]));
  const summary: Record<string, number> = { compliant: 0, partially_compliant: 0, non_compliant: 0, not_derived: 0 };
  const items = target.items.map((item) => {
    // Crosswalk files run from one framework to another; a mapping counts in either direction.
    const links = [
      ...catalogue.builtIn.mappingsTo(targetFrameworkId, item.id).filter((m) => m.fromFramework === source).map((m) => ({ sourceItem: m.fromItem, relationship: m.relationship, strength: m.strength })),
      ...catalogue.builtIn.mappingsFrom(targetFrameworkId, item.id).filter((m) => m.toFramework === source).map((m) => ({ sourceItem: m.toItem, relationship: m.relationship, strength: m.strength })),
    ];
    const derived = derive(links, (id) => results.get(id) ?? null);
    summary[derived.result ?? 'not_derived']! += 1;
    return { itemId: item.id, itemTitle: item.title, assessable: item.assessable, result: derived.result, contributions: derived.contributions };
  });
  return { assessmentId, sourceFramework: source, targetFramework: targetFrameworkId, items, summary };
}
