import type { CrosswalkMapping, FrameworkItemType, FrameworkSummary } from '../../api/types.ts';

/** Item types as people name them, singular and plural. */
export const ITEM_TYPE_LABELS: Record<FrameworkItemType, { one: string; many: string }> = {
  clause: { one: 'Clause', many: 'clauses' },
  subclause: { one: 'Subclause', many: 'subclauses' },
  annex_group: { one: 'Annex A group', many: 'Annex A groups' },
  objective: { one: 'Objective', many: 'objectives' },
  control: { one: 'Control', many: 'controls' },
  article: { one: 'Article', many: 'articles' },
  paragraph: { one: 'Paragraph', many: 'paragraphs' },
  function: { one: 'Function', many: 'functions' },
  category: { one: 'Category', many: 'categories' },
  subcategory: { one: 'Subcategory', many: 'subcategories' },
  requirement: { one: 'Requirement', many: 'requirements' },
};

export const ITEM_TYPE_OPTIONS = (Object.keys(ITEM_TYPE_LABELS) as FrameworkItemType[]).map((type) => ({ value: type, label: ITEM_TYPE_LABELS[type].one }));

export function isItemType(value: string | null): value is FrameworkItemType {
  return value !== null && Object.hasOwn(ITEM_TYPE_LABELS, value);
}

export function countLabel(count: number, type: FrameworkItemType): string {
  const label = ITEM_TYPE_LABELS[type];
  return `${count} ${count === 1 ? label.one.toLowerCase() : label.many}`;
}

export const KIND_LABELS: Record<FrameworkSummary['kind'], string> = {
  standard: 'Standard',
  regulation: 'Regulation',
  framework: 'Framework',
  custom: 'Custom framework',
};

export const STRENGTH_LABELS: Record<CrosswalkMapping['strength'], string> = { strong: 'Strong', moderate: 'Moderate', weak: 'Weak' };
export const STRENGTH_COLOURS: Record<CrosswalkMapping['strength'], string> = { strong: 'teal', moderate: 'yellow', weak: 'gray' };

export const BASIS_LABELS: Record<CrosswalkMapping['basis'], string> = { own_analysis: 'our own analysis', official: 'official mapping' };

/**
 * A crosswalk file reads from its source item's point of view ("subset": the source is narrower).
 * A mapping that arrives at this item is turned round, so the words always describe this item.
 */
export function relationshipFromHere(mapping: Pick<CrosswalkMapping, 'relationship' | 'direction'>): CrosswalkMapping['relationship'] {
  if (mapping.direction === 'outgoing') return mapping.relationship;
  if (mapping.relationship === 'subset') return 'superset';
  if (mapping.relationship === 'superset') return 'subset';
  return mapping.relationship;
}

export const RELATIONSHIP_LABELS: Record<CrosswalkMapping['relationship'], { label: string; explain: string }> = {
  equal: { label: 'Equal', explain: 'asks for the same as' },
  subset: { label: 'Subset', explain: 'is narrower than, and covered by,' },
  superset: { label: 'Superset', explain: 'is broader than, and covers,' },
  intersect: { label: 'Intersects', explain: 'partly overlaps with' },
};

export const MATCH_LABELS: Record<string, string> = {
  id: 'identifier',
  title: 'title',
  summary: 'summary',
  guidance: 'guidance',
  evidence: 'evidence',
  questions: 'auditor questions',
  tags: 'tags',
};

/**
 * ISO/IEC 42001 first (the standard aims certifies against and the hub of the crosswalks), then
 * the regulations and frameworks it is aligned with; the organisation's own frameworks follow in
 * the server's order. The server lists by file name, which would put the EU AI Act first.
 */
const SHIPPED_ORDER = ['iso42001', 'eu-ai-act', 'nist-ai-rmf', 'gdpr'];

export function inDisplayOrder<T extends { id: string; custom: boolean }>(frameworks: readonly T[]): T[] {
  const rank = (framework: T) => {
    const index = SHIPPED_ORDER.indexOf(framework.id);
    return framework.custom ? SHIPPED_ORDER.length + 1 : index < 0 ? SHIPPED_ORDER.length : index;
  };
  return frameworks
    .map((framework, position) => ({ framework, position }))
    .sort((a, b) => rank(a.framework) - rank(b.framework) || a.position - b.position)
    .map(({ framework }) => framework);
}
