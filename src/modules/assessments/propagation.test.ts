import { describe, expect, it } from 'vitest';
import { contributionOf, derive, type Result } from './propagation.ts';

describe('crosswalk propagation', () => {
  it('passes results through equal mappings and caps partial relationships at partially compliant', () => {
    expect(contributionOf('compliant', 'equal')).toBe('compliant');
    for (const rel of ['subset', 'superset', 'intersect'] as const) {
      expect(contributionOf('compliant', rel)).toBe('partially_compliant');
      expect(contributionOf('partially_compliant', rel)).toBe('partially_compliant');
      expect(contributionOf('non_compliant', rel)).toBe('non_compliant');
    }
    expect(contributionOf('not_applicable', 'equal')).toBeNull();
    expect(contributionOf(null, 'equal')).toBeNull();
  });

  it('combines several contributions to the weakest and keeps where each came from', () => {
    const results: Record<string, Result | null> = { a: 'compliant', b: 'partially_compliant', c: 'not_applicable', d: null };
    const links = [
      { sourceItem: 'a', relationship: 'equal' as const, strength: 'strong' as const },
      { sourceItem: 'b', relationship: 'intersect' as const, strength: 'weak' as const },
      { sourceItem: 'c', relationship: 'equal' as const, strength: 'strong' as const },
      { sourceItem: 'd', relationship: 'subset' as const, strength: 'moderate' as const },
    ];
    const derived = derive(links, (i) => results[i] ?? null);
    expect(derived.result).toBe('partially_compliant');
    expect(derived.contributions.map((c) => [c.sourceItem, c.contributes])).toEqual([
      ['a', 'compliant'],
      ['b', 'partially_compliant'],
      ['c', null],
      ['d', null],
    ]);
    expect(derive([links[0]!], (i) => results[i] ?? null).result).toBe('compliant');
    expect(derive([links[2]!, links[3]!], (i) => results[i] ?? null).result).toBeNull();
    expect(derive([...links, { sourceItem: 'e', relationship: 'intersect', strength: 'strong' }], (i) => (i === 'e' ? 'non_compliant' : (results[i] ?? null))).result).toBe('non_compliant');
  });
});
