import { describe, expect, it } from 'vitest';
import type { FrameworkItem } from '../../api/types.ts';
import { ancestorIds, buildTree, treeKeyAction, typeCounts, visibleIds } from './tree.ts';

function item(id: string, parent: string | null, type: FrameworkItem['type'] = 'clause', title = `Title of ${id}`): FrameworkItem {
  return { id, parent, type, title, assessable: false, mandatoryDocumentedInformation: null, summary: 's', guidance: null, evidence: [], questions: [], tags: [] };
}

const items = [
  item('6', null),
  item('6.1', '6', 'subclause', 'Actions to address risks'),
  item('6.1.4', '6.1', 'subclause', 'AI system impact assessment'),
  item('6.2', '6', 'subclause', 'Objectives'),
  item('7', null, 'clause', 'Support'),
  item('A.2', null, 'annex_group', 'Policies related to AI'),
  item('A.2.2', 'A.2', 'control', 'AI policy'),
];
const tree = buildTree(items);

describe('catalogue tree', () => {
  it('keeps display order, finds ancestors and shows only open branches', () => {
    expect(ancestorIds(tree, '6.1.4')).toEqual(['6', '6.1']);
    expect(ancestorIds(tree, '6')).toEqual([]);
    expect(visibleIds(tree, new Set())).toEqual(['6', '7', 'A.2']);
    expect(visibleIds(tree, new Set(['6', '6.1']))).toEqual(['6', '6.1', '6.1.4', '6.2', '7', 'A.2']);
    // A closed parent hides its open children.
    expect(visibleIds(tree, new Set(['6.1']))).toEqual(['6', '7', 'A.2']);
    expect(typeCounts(items)).toEqual([
      { type: 'clause', count: 2 },
      { type: 'subclause', count: 3 },
      { type: 'annex_group', count: 1 },
      { type: 'control', count: 1 },
    ]);
  });

  it('moves with the keys of the WAI-ARIA tree pattern', () => {
    const open = new Set(['6']);
    expect(treeKeyAction('ArrowDown', '6', tree, open)).toEqual({ kind: 'focus', id: '6.1' });
    expect(treeKeyAction('ArrowUp', '6', tree, open)).toBeNull();
    expect(treeKeyAction('End', '6', tree, open)).toEqual({ kind: 'focus', id: 'A.2' });
    expect(treeKeyAction('ArrowRight', '6.1', tree, open)).toEqual({ kind: 'expand', ids: ['6.1'] });
    expect(treeKeyAction('ArrowRight', '6', tree, open)).toEqual({ kind: 'focus', id: '6.1' });
    expect(treeKeyAction('ArrowRight', '6.2', tree, open)).toBeNull();
    expect(treeKeyAction('ArrowLeft', '6', tree, open)).toEqual({ kind: 'collapse', id: '6' });
    expect(treeKeyAction('ArrowLeft', '6.2', tree, open)).toEqual({ kind: 'focus', id: '6' });
    expect(treeKeyAction('Enter', '6.2', tree, open)).toEqual({ kind: 'select', id: '6.2' });
    expect(treeKeyAction('*', '7', tree, open)).toEqual({ kind: 'expand', ids: ['6', 'A.2'] });
    // Type-ahead: the next visible item whose title or identifier starts with the letter, wrapping.
    expect(treeKeyAction('o', '6', tree, open)).toEqual({ kind: 'focus', id: '6.2' });
    expect(treeKeyAction('a', '6.2', tree, open)).toEqual({ kind: 'focus', id: 'A.2' });
    expect(treeKeyAction('a', 'A.2', tree, open)).toEqual({ kind: 'focus', id: '6.1' });
  });
});
