/**
 * The shipped catalogues, loaded from the real content folder. The ISO/IEC 42001 structure is
 * asserted in full because wrong numbering (invented Annex A groups, missing 6.1.4 or 8.4) is the
 * mistake this product exists to avoid.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentDir, loadCatalogues, type FrameworkItem } from './catalogue-loader.ts';

const catalogues = loadCatalogues();
const iso = catalogues.frameworks.get('iso42001');
if (!iso) throw new Error('content/frameworks/iso42001.yaml did not load');
const ofType = (type: FrameworkItem['type']) => iso.items.filter((item) => item.type === type);
const ids = (items: readonly FrameworkItem[]) => items.map((item) => item.id);
const hasChildren = new Set(iso.items.map((item) => item.parent).filter((id) => id !== null));

const clauses: Record<string, string> = {
  '4': 'Context of the organization',
  '5': 'Leadership',
  '6': 'Planning',
  '7': 'Support',
  '8': 'Operation',
  '9': 'Performance evaluation',
  '10': 'Improvement',
};

// [id, parent, official short title]
const subclauses: [string, string, string][] = [
  ['4.1', '4', 'Understanding the organization and its context'],
  ['4.2', '4', 'Understanding the needs and expectations of interested parties'],
  ['4.3', '4', 'Determining the scope of the AI management system'],
  ['4.4', '4', 'AI management system'],
  ['5.1', '5', 'Leadership and commitment'],
  ['5.2', '5', 'AI policy'],
  ['5.3', '5', 'Roles, responsibilities and authorities'],
  ['6.1', '6', 'Actions to address risks and opportunities'],
  ['6.1.1', '6.1', 'General'],
  ['6.1.2', '6.1', 'AI risk assessment'],
  ['6.1.3', '6.1', 'AI risk treatment'],
  ['6.1.4', '6.1', 'AI system impact assessment'],
  ['6.2', '6', 'AI objectives and planning to achieve them'],
  ['6.3', '6', 'Planning of changes'],
  ['7.1', '7', 'Resources'],
  ['7.2', '7', 'Competence'],
  ['7.3', '7', 'Awareness'],
  ['7.4', '7', 'Communication'],
  ['7.5', '7', 'Documented information'],
  ['7.5.1', '7.5', 'General'],
  ['7.5.2', '7.5', 'Creating and updating documented information'],
  ['7.5.3', '7.5', 'Control of documented information'],
  ['8.1', '8', 'Operational planning and control'],
  ['8.2', '8', 'AI risk assessment'],
  ['8.3', '8', 'AI risk treatment'],
  ['8.4', '8', 'AI system impact assessment'],
  ['9.1', '9', 'Monitoring, measurement, analysis and evaluation'],
  ['9.2', '9', 'Internal audit'],
  ['9.2.1', '9.2', 'General'],
  ['9.2.2', '9.2', 'Internal audit programme'],
  ['9.3', '9', 'Management review'],
  ['9.3.1', '9.3', 'General'],
  ['9.3.2', '9.3', 'Management review inputs'],
  ['9.3.3', '9.3', 'Management review results'],
  ['10.1', '10', 'Continual improvement'],
  ['10.2', '10', 'Nonconformity and corrective action'],
];

const groups: Record<string, string> = {
  'A.2': 'Policies related to AI',
  'A.3': 'Internal organization',
  'A.4': 'Resources for AI systems',
  'A.5': 'Assessing impacts of AI systems',
  'A.6': 'AI system life cycle',
  'A.7': 'Data for AI systems',
  'A.8': 'Information for interested parties of AI systems',
  'A.9': 'Use of AI systems',
  'A.10': 'Third-party and customer relationships',
};

// [objective id, parent group]
const objectives: [string, string][] = [
  ['A.2.1', 'A.2'],
  ['A.3.1', 'A.3'],
  ['A.4.1', 'A.4'],
  ['A.5.1', 'A.5'],
  ['A.6.1', 'A.6'],
  ['A.6.2', 'A.6'],
  ['A.7.1', 'A.7'],
  ['A.8.1', 'A.8'],
  ['A.9.1', 'A.9'],
  ['A.10.1', 'A.10'],
];

// [control id, parent, official short title]
const controls: [string, string, string][] = [
  ['A.2.2', 'A.2', 'AI policy'],
  ['A.2.3', 'A.2', 'Alignment with other organizational policies'],
  ['A.2.4', 'A.2', 'Review of the AI policy'],
  ['A.3.2', 'A.3', 'AI roles and responsibilities'],
  ['A.3.3', 'A.3', 'Reporting of concerns'],
  ['A.4.2', 'A.4', 'Resource documentation'],
  ['A.4.3', 'A.4', 'Data resources'],
  ['A.4.4', 'A.4', 'Tooling resources'],
  ['A.4.5', 'A.4', 'System and computing resources'],
  ['A.4.6', 'A.4', 'Human resources'],
  ['A.5.2', 'A.5', 'AI system impact assessment process'],
  ['A.5.3', 'A.5', 'Documentation of AI system impact assessments'],
  ['A.5.4', 'A.5', 'Assessing AI system impact on individuals or groups of individuals'],
  ['A.5.5', 'A.5', 'Assessing societal impacts of AI systems'],
  ['A.6.1.2', 'A.6.1', 'Objectives for responsible development of AI system'],
  ['A.6.1.3', 'A.6.1', 'Processes for responsible AI system design and development'],
  ['A.6.2.2', 'A.6.2', 'AI system requirements and specification'],
  ['A.6.2.3', 'A.6.2', 'Documentation of AI system design and development'],
  ['A.6.2.4', 'A.6.2', 'AI system verification and validation'],
  ['A.6.2.5', 'A.6.2', 'AI system deployment'],
  ['A.6.2.6', 'A.6.2', 'AI system operation and monitoring'],
  ['A.6.2.7', 'A.6.2', 'AI system technical documentation'],
  ['A.6.2.8', 'A.6.2', 'AI system recording of event logs'],
  ['A.7.2', 'A.7', 'Data for development and enhancement of AI system'],
  ['A.7.3', 'A.7', 'Acquisition of data'],
  ['A.7.4', 'A.7', 'Quality of data for AI systems'],
  ['A.7.5', 'A.7', 'Data provenance'],
  ['A.7.6', 'A.7', 'Data preparation'],
  ['A.8.2', 'A.8', 'System documentation and information for users'],
  ['A.8.3', 'A.8', 'External reporting'],
  ['A.8.4', 'A.8', 'Communication of incidents'],
  ['A.8.5', 'A.8', 'Information for interested parties'],
  ['A.9.2', 'A.9', 'Processes for responsible use of AI systems'],
  ['A.9.3', 'A.9', 'Objectives for responsible use of AI system'],
  ['A.9.4', 'A.9', 'Intended use of the AI system'],
  ['A.10.2', 'A.10', 'Allocating responsibilities'],
  ['A.10.3', 'A.10', 'Suppliers'],
  ['A.10.4', 'A.10', 'Customers'],
];

const mandatoryDocumentedInformation = [
  '4.3', '5.2', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.2', '8.1', '8.2', '8.3', '8.4', '9.1', '9.2.2', '9.3.3', '10.2',
];

describe('ISO/IEC 42001:2023 catalogue', () => {
  it('describes the framework', () => {
    expect(iso).toMatchObject({ id: 'iso42001', name: 'ISO/IEC 42001:2023', version: '2023', kind: 'standard' });
  });

  it('has exactly clauses 4 to 10 as top-level items with their titles', () => {
    expect(Object.fromEntries(ofType('clause').map((item) => [item.id, item.title]))).toEqual(clauses);
    expect(ofType('clause').every((item) => item.parent === null)).toBe(true);
  });

  it('has exactly the subclauses of clauses 4 to 10, each under its parent, in order', () => {
    expect(ofType('subclause').map((item) => [item.id, item.parent, item.title])).toEqual(subclauses);
  });

  it('has the nine Annex A groups A.2 to A.10 and no others', () => {
    expect(Object.fromEntries(ofType('annex_group').map((item) => [item.id, item.title]))).toEqual(groups);
    expect(ofType('annex_group').every((item) => item.parent === null)).toBe(true);
  });

  it('has the ten objectives, two of them in A.6', () => {
    expect(ofType('objective').map((item) => [item.id, item.parent])).toEqual(objectives);
  });

  it('has exactly the 38 Annex A controls with their titles and parents', () => {
    expect(ofType('control').map((item) => [item.id, item.parent, item.title])).toEqual(controls);
    expect(ofType('control')).toHaveLength(38);
  });

  it('has 3, 2, 5, 4, 9, 5, 4, 3 and 3 controls in groups A.2 to A.10', () => {
    const perGroup = new Map<string, number>();
    for (const control of ofType('control')) {
      const group = control.id.split('.').slice(0, 2).join('.');
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    }
    expect(Object.fromEntries(perGroup)).toEqual({
      'A.2': 3, 'A.3': 2, 'A.4': 5, 'A.5': 4, 'A.6': 9, 'A.7': 5, 'A.8': 4, 'A.9': 3, 'A.10': 3,
    });
    expect(ids(catalogues.children('iso42001', 'A.6.1'))).toEqual(['A.6.1.2', 'A.6.1.3']);
    expect(catalogues.children('iso42001', 'A.6.2')).toHaveLength(7);
  });

  it('contains nothing but clauses, subclauses, groups, objectives and controls', () => {
    expect(iso.items).toHaveLength(7 + subclauses.length + 9 + 10 + 38);
  });

  it('includes the impact assessment in planning (6.1.4) and in operation (8.4)', () => {
    for (const id of ['6.1.4', '8.4']) {
      expect(catalogues.item('iso42001', id)).toMatchObject({ title: 'AI system impact assessment', assessable: true });
    }
  });

  it('gives every clause, subclause and control a summary, guidance, 3-6 evidence items and 2-5 questions', () => {
    const described = iso.items.filter((item) => ['clause', 'subclause', 'control'].includes(item.type));
    expect(described).toHaveLength(7 + subclauses.length + 38);
    for (const item of described) {
      const where = `${item.id} ${item.title}`;
      expect(item.summary.length, where).toBeGreaterThan(20);
      expect(item.guidance?.length ?? 0, where).toBeGreaterThan(60);
      expect(item.evidence?.length ?? 0, where).toBeGreaterThanOrEqual(3);
      expect(item.evidence?.length ?? 0, where).toBeLessThanOrEqual(6);
      expect(item.questions?.length ?? 0, where).toBeGreaterThanOrEqual(2);
      expect(item.questions?.length ?? 0, where).toBeLessThanOrEqual(5);
      // Auditors ask questions and also make requests ("Show me ..."): both end a sentence.
      for (const question of item.questions ?? []) expect(question, where).toMatch(/[?.]$/);
    }
  });

  it('gives every other item a summary, and no two items the same summary', () => {
    const summaries = iso.items.map((item) => item.summary);
    expect(summaries.every((summary) => summary.length > 20)).toBe(true);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('makes leaf clauses, subclauses and controls assessable, and grouping items not', () => {
    for (const item of iso.items) {
      const leafRequirement = !hasChildren.has(item.id) && ['subclause', 'control'].includes(item.type);
      expect(item.assessable, `${item.id} assessable`).toBe(leafRequirement);
    }
    expect(iso.items.filter((item) => item.assessable)).toHaveLength(32 + 38);
    expect(['6.1', '7.5', '9.2', '9.3'].every((id) => hasChildren.has(id))).toBe(true);
  });

  it('marks mandatory documented information exactly where the standard requires it', () => {
    const marked = iso.items.filter((item) => item.mandatoryDocumentedInformation !== null);
    expect(ids(marked)).toEqual(mandatoryDocumentedInformation);
    expect(catalogues.item('iso42001', '6.1.3')?.mandatoryDocumentedInformation).toMatch(/Statement of Applicability/);
    expect(catalogues.item('iso42001', '9.2.2')?.mandatoryDocumentedInformation).toMatch(/programme.*results/);
  });

  it('lists every parent before its children, so file order works as display order', () => {
    const seen = new Set<string>();
    for (const item of iso.items) {
      if (item.parent !== null) expect(seen.has(item.parent), `${item.id} after ${item.parent}`).toBe(true);
      seen.add(item.id);
    }
  });

  it('navigates the tree', () => {
    expect(ids(catalogues.children('iso42001', null))).toEqual([...Object.keys(clauses), ...Object.keys(groups)].sort(byDisplay));
    expect(ids(catalogues.children('iso42001', '6.1'))).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.4']);
    expect(ids(catalogues.children('iso42001', 'A.2'))).toEqual(['A.2.1', 'A.2.2', 'A.2.3', 'A.2.4']);
    expect(catalogues.children('iso42001', 'A.2.2')).toEqual([]);
    expect(catalogues.children('no-such-framework', null)).toEqual([]);
    expect(catalogues.item('iso42001', 'A.11')).toBeUndefined();
  });
});

describe('shipped content', () => {
  it('loads every framework file in content/frameworks, each with a unique id', () => {
    const files = readdirSync(join(defaultContentDir, 'frameworks')).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toContain('iso42001.yaml');
    expect(catalogues.frameworks.size).toBe(files.length);
  });

  it('loads every crosswalk file in content/crosswalks against existing items', () => {
    let files: string[] = [];
    try {
      files = readdirSync(join(defaultContentDir, 'crosswalks')).filter((name) => /\.ya?ml$/.test(name));
    } catch {
      // No crosswalks shipped yet: nothing to check.
    }
    expect(catalogues.crosswalks).toHaveLength(files.length);
    for (const crosswalk of catalogues.crosswalks) {
      for (const mapping of crosswalk.mappings) {
        expect(catalogues.item(crosswalk.from, mapping.from), `${crosswalk.from} ${mapping.from}`).toBeDefined();
        expect(catalogues.item(crosswalk.to, mapping.to), `${crosswalk.to} ${mapping.to}`).toBeDefined();
        const links = catalogues.mappingsFrom(crosswalk.from, mapping.from);
        expect(links.some((link) => link.toFramework === crosswalk.to && link.toItem === mapping.to)).toBe(true);
      }
    }
  });

  it('is read once per process and cannot be changed by callers', () => {
    expect(loadCatalogues()).toBe(catalogues);
    expect(loadCatalogues(defaultContentDir)).toBe(catalogues);
    const item = catalogues.item('iso42001', '4.1') as { title: string };
    expect(() => {
      item.title = 'changed';
    }).toThrow(TypeError);
    expect(() => (catalogues.frameworks as Map<string, unknown>).delete('iso42001')).toThrow(TypeError);
    expect(() => (catalogues.children('iso42001', null) as FrameworkItem[]).pop()).toThrow(TypeError);
  });
});

// Clauses "4".."10" sort before Annex groups, and numerically within each kind.
function byDisplay(a: string, b: string): number {
  const rank = (id: string) => (id.startsWith('A.') ? 100 + Number(id.slice(2)) : Number(id));
  return rank(a) - rank(b);
}
