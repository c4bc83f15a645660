import type { CrosswalkLink } from '../frameworks/catalogue-index.ts';

/**
 * How results in one framework flow through the crosswalks to another, so that one assessment
 * shows the posture everywhere. Rules (documented in the README):
 * - an `equal` mapping passes the source result through unchanged;
 * - any partial relationship (subset, superset, intersect) passes at most "partially compliant":
 *   meeting a requirement that only overlaps another cannot prove the other is fully met;
 * - sources that are not applicable or not yet assessed contribute nothing;
 * - several contributions combine to the weakest, because one unmet obligation is enough for the
 *   target not to be met.
 * Every derived result lists the contributions it came from.
 */
export type Result = 'compliant' | 'partially_compliant' | 'non_compliant' | 'not_applicable';

const RANK: Record<Exclude<Result, 'not_applicable'>, number> = { non_compliant: 0, partially_compliant: 1, compliant: 2 };

export interface Contribution {
  sourceItem: string;
  sourceResult: Result | null;
  relationship: CrosswalkLink['relationship'];
  strength: CrosswalkLink['strength'];
  /** What this mapping passes on, or null when it passes nothing. */
  contributes: Exclude<Result, 'not_applicable'> | null;
}

export interface DerivedResult {
  result: Exclude<Result, 'not_applicable'> | null;
  contributions: Contribution[];
}

export function contributionOf(sourceResult: Result | null, relationship: CrosswalkLink['relationship']): Contribution['contributes'] {
  if (sourceResult === null || sourceResult === 'not_applicable') return null;
  if (relationship === 'equal') return sourceResult;
  return sourceResult === 'compliant' ? 'partially_compliant' : sourceResult;
}

export function derive(links: ReadonlyArray<{ sourceItem: string; relationship: CrosswalkLink['relationship']; strength: CrosswalkLink['strength'] }>, resultOf: (item: string) => Result | null): DerivedResult {
  const contributions = links.map((l) => {
    const sourceResult = resultOf(l.sourceItem);
    return { sourceItem: l.sourceItem, sourceResult, relationship: l.relationship, strength: l.strength, contributes: contributionOf(sourceResult, l.relationship) };
  });
  let result: DerivedResult['result'] = null;
  for (const c of contributions) {
    if (c.contributes === null) continue;
    if (result === null || RANK[c.contributes] < RANK[result]) result = c.contributes;
  }
  return { result, contributions };
}
