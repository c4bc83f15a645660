/**
 * The immutable, indexed view of validated catalogues. One instance is shared by every request in
 * the process, so everything in it is frozen: a caller cannot change what another caller reads.
 */
import type {
  Crosswalk,
  CrosswalkBasis,
  Framework,
  FrameworkItem,
  Relationship,
  Strength,
} from './catalogue-schema.ts';
import type { CrosswalkFile, FrameworkFile } from './catalogue-validate.ts';

/** One mapping seen from an item, with both ends named, ready to show or to roll up. */
export interface CrosswalkLink {
  readonly fromFramework: string;
  readonly fromItem: string;
  readonly toFramework: string;
  readonly toItem: string;
  readonly relationship: Relationship;
  readonly strength: Strength;
  readonly rationale: string;
  readonly basis: CrosswalkBasis;
}

export interface Catalogues {
  readonly frameworks: ReadonlyMap<string, Framework>;
  readonly crosswalks: readonly Crosswalk[];
  /** The item, or undefined when the framework or the item does not exist. */
  item(frameworkId: string, itemId: string): FrameworkItem | undefined;
  /** Direct children in display order; `null` gives the top-level items. Empty when unknown. */
  children(frameworkId: string, itemId: string | null): readonly FrameworkItem[];
  /** Mappings whose source is this item (crosswalk files `<frameworkId>--*.yaml`). */
  mappingsFrom(frameworkId: string, itemId: string): readonly CrosswalkLink[];
  /** Mappings whose target is this item (crosswalk files `*--<frameworkId>.yaml`). */
  mappingsTo(frameworkId: string, itemId: string): readonly CrosswalkLink[];
}

const none: readonly never[] = Object.freeze([]);

export function toFramework(file: FrameworkFile): Framework {
  return deepFreeze({
    ...file,
    // One spelling for "top level" and "no documented information", whatever the YAML said.
    items: file.items.map((item) => ({
      ...item,
      parent: item.parent ?? null,
      mandatoryDocumentedInformation: item.mandatoryDocumentedInformation ?? null,
    })),
  });
}

export function buildCatalogues(frameworkList: readonly Framework[], crosswalkFiles: readonly CrosswalkFile[]): Catalogues {
  const frameworks = new Map<string, Framework>();
  const items = new Map<string, Map<string, FrameworkItem>>();
  const childLists = new Map<string, Map<string | null, FrameworkItem[]>>();
  for (const framework of frameworkList) {
    frameworks.set(framework.id, framework);
    const byId = new Map<string, FrameworkItem>();
    const byParent = new Map<string | null, FrameworkItem[]>();
    for (const item of framework.items) {
      byId.set(item.id, item);
      const siblings = byParent.get(item.parent) ?? [];
      siblings.push(item);
      byParent.set(item.parent, siblings);
    }
    for (const siblings of byParent.values()) Object.freeze(siblings);
    items.set(framework.id, byId);
    childLists.set(framework.id, byParent);
  }

  const crosswalks = crosswalkFiles.map((file) => deepFreeze(structuredClone(file)));
  const linksFrom = new Map<string, CrosswalkLink[]>();
  const linksTo = new Map<string, CrosswalkLink[]>();
  for (const crosswalk of crosswalks) {
    for (const mapping of crosswalk.mappings) {
      const link: CrosswalkLink = Object.freeze({
        fromFramework: crosswalk.from,
        fromItem: mapping.from,
        toFramework: crosswalk.to,
        toItem: mapping.to,
        relationship: mapping.relationship,
        strength: mapping.strength,
        rationale: mapping.rationale,
        basis: crosswalk.basis,
      });
      append(linksFrom, key(link.fromFramework, link.fromItem), link);
      append(linksTo, key(link.toFramework, link.toItem), link);
    }
  }
  for (const list of [...linksFrom.values(), ...linksTo.values()]) Object.freeze(list);

  return Object.freeze({
    frameworks: readOnlyMap(frameworks),
    crosswalks: Object.freeze(crosswalks),
    item: (frameworkId: string, itemId: string) => items.get(frameworkId)?.get(itemId),
    children: (frameworkId: string, itemId: string | null) => childLists.get(frameworkId)?.get(itemId) ?? none,
    mappingsFrom: (frameworkId: string, itemId: string) => linksFrom.get(key(frameworkId, itemId)) ?? none,
    mappingsTo: (frameworkId: string, itemId: string) => linksTo.get(key(frameworkId, itemId)) ?? none,
  });
}

const key = (frameworkId: string, itemId: string) => JSON.stringify([frameworkId, itemId]);

function append<V>(map: Map<string, V[]>, k: string, value: V): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** ReadonlyMap is only a type; this also refuses writes at run time from untyped callers. */
function readOnlyMap<K, V>(source: Map<K, V>): ReadonlyMap<K, V> {
  const refuse = () => {
    throw new TypeError('Catalogues are read-only');
  };
  const map = new Map(source);
  for (const method of ['set', 'delete', 'clear'] as const) Object.defineProperty(map, method, { value: refuse });
  return Object.freeze(map);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
