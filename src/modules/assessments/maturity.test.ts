import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../frameworks/catalogue-loader.ts';
import { computeMaturity, computeReadiness } from './maturity.ts';

const iso = loadCatalogues().frameworks.get('iso42001')!;

describe('maturity', () => {
  it('averages counted items per clause and Annex A group and overall, to one decimal, skipping not applicable', () => {
    const m = computeMaturity(iso.items, [
      { itemId: '4.1', result: 'compliant', maturity: 3 },
      { itemId: '4.2', result: 'partially_compliant', maturity: 2 },
      { itemId: '4.3', result: 'partially_compliant', maturity: 2 },
      { itemId: '5.2', result: 'compliant', maturity: 4 },
      { itemId: 'A.2.2', result: 'compliant', maturity: 1 },
      { itemId: 'A.10.4', result: 'not_applicable', maturity: 5 },
      { itemId: '6.1.4', result: null, maturity: null },
    ]);
    expect(m.overall).toBe(2.4); // (3 + 2 + 2 + 4 + 1) / 5
    expect(m.counted).toBe(5);
    const group = (id: string) => m.groups.find((g) => g.id === id)!;
    expect(group('4')).toMatchObject({ score: 2.3, counted: 3 }); // 7 / 3 = 2.33
    expect(group('5')).toMatchObject({ score: 4, counted: 1 });
    expect(group('A.2')).toMatchObject({ score: 1, counted: 1 });
    expect(group('A.10')).toMatchObject({ score: null, counted: 0 });
    expect(group('6')).toMatchObject({ score: null, counted: 0 });
    expect(computeMaturity(iso.items, []).overall).toBeNull();
  });
});

describe('readiness', () => {
  it('counts mandatory requirements met, excludes not applicable, and lists missing documented information first', () => {
    const r = computeReadiness(iso.items, [
      { itemId: '4.1', result: 'compliant', maturity: 3 },
      { itemId: '4.3', result: 'non_compliant', maturity: 1 },
      { itemId: '4.2', result: 'partially_compliant', maturity: 2 },
      { itemId: 'A.10.4', result: 'not_applicable', maturity: null },
      { itemId: 'A.2.2', result: null, maturity: null },
    ]);
    expect(r).toMatchObject({ mandatory: 4, met: 1, share: 25 });
    expect(r.blockers.map((b) => [b.itemId, b.reason])).toEqual([
      ['4.3', 'missing_documented_information'],
      ['4.2', 'not_met'],
      ['A.2.2', 'not_assessed'],
    ]);
    expect(r.blockers[0]!.documentedInformation).toBeTruthy();
    expect(computeReadiness(iso.items, []).share).toBeNull();
  });
});
