import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from './assessments-api.ts';
import { groupResults, matches, topLevelOf } from './results-grouping.ts';

const items = [
  { id: '6', parent: null, title: 'Planning' },
  { id: '6.1', parent: '6', title: 'Actions' },
  { id: '6.1.4', parent: '6.1', title: 'AI system impact assessment' },
  { id: 'A.2', parent: null, title: 'Policies related to AI' },
  { id: 'A.2.2', parent: 'A.2', title: 'AI policy' },
];

function result(itemId: string, extra: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    id: `r-${itemId}`, itemId, itemTitle: itemId, itemType: 'subclause', parentId: null, mandatoryDocumentedInformation: null, workflowStatus: 'to_do',
    result: null, justification: null, maturity: null, ownerId: null, dueDate: null, notes: null, updatedAt: '', version: 1, ...extra,
  };
}

describe('results grouping', () => {
  it('puts each result under its clause or Annex A group, in order', () => {
    const groups = groupResults([result('6.1.4'), result('A.2.2')], topLevelOf(items));
    expect(groups.map((g) => [g.id, g.title, g.results.length])).toEqual([['6', 'Planning', 1], ['A.2', 'Policies related to AI', 1]]);
  });

  it('filters by status, result, unassessed, mandatory information and text', () => {
    const none = { q: '', status: null, result: null, mandatory: false };
    const done = result('6.1.4', { workflowStatus: 'done', result: 'compliant', mandatoryDocumentedInformation: 'Records' });
    expect(matches(done, { ...none, status: 'done' })).toBe(true);
    expect(matches(done, { ...none, status: 'to_do' })).toBe(false);
    expect(matches(done, { ...none, result: 'unassessed' })).toBe(false);
    expect(matches(result('4.1'), { ...none, result: 'unassessed' })).toBe(true);
    expect(matches(result('4.1'), { ...none, mandatory: true })).toBe(false);
    expect(matches(done, { ...none, q: '6.1' })).toBe(true);
  });
});
