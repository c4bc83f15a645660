import type { FrameworkItem, FrameworkItemType } from '../../api/types.ts';

/** A framework's items as a tree; the server sends them in display order with parent ids. */
export interface CatalogueTree {
  byId: ReadonlyMap<string, FrameworkItem>;
  /** Children of each item in display order; the key `null` holds the top-level items. */
  children: ReadonlyMap<string | null, readonly FrameworkItem[]>;
}

export function buildTree(items: readonly FrameworkItem[]): CatalogueTree {
  const byId = new Map(items.map((item) => [item.id, item]));
  const children = new Map<string | null, FrameworkItem[]>();
  for (const item of items) {
    // An unknown parent cannot happen with validated content; such an item is still shown, at the top.
    const parent = item.parent !== null && byId.has(item.parent) ? item.parent : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(item);
    else children.set(parent, [item]);
  }
  return { byId, children };
}

export function childrenOf(tree: CatalogueTree, id: string | null): readonly FrameworkItem[] {
  return tree.children.get(id) ?? [];
}

export function hasChildren(tree: CatalogueTree, id: string): boolean {
  return childrenOf(tree, id).length > 0;
}

export function parentOf(tree: CatalogueTree, id: string): string | null {
  const parent = tree.byId.get(id)?.parent ?? null;
  return parent !== null && tree.byId.has(parent) ? parent : null;
}

/** The ids above an item, top-level first; empty for a top-level or unknown item. */
export function ancestorIds(tree: CatalogueTree, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  for (let p = parentOf(tree, id); p !== null && !seen.has(p); p = parentOf(tree, p)) {
    seen.add(p);
    out.unshift(p);
  }
  return out;
}

/** Ids of every item that has children: "expand all". */
export function branchIds(tree: CatalogueTree): string[] {
  return [...tree.children.keys()].filter((id): id is string => id !== null);
}

/** The items a person sees, top to bottom, given which branches are open. */
export function visibleIds(tree: CatalogueTree, expanded: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (parent: string | null) => {
    for (const item of childrenOf(tree, parent)) {
      out.push(item.id);
      if (expanded.has(item.id)) walk(item.id);
    }
  };
  walk(null);
  return out;
}

/** How many items of each type, in the order the types first appear (clauses before controls). */
export function typeCounts(items: readonly FrameworkItem[]): Array<{ type: FrameworkItemType; count: number }> {
  const counts = new Map<FrameworkItemType, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count }));
}

export type TreeKeyAction =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; ids: string[] }
  | { kind: 'collapse'; id: string }
  | { kind: 'select'; id: string };

/**
 * What a key does on the focused item, after the WAI-ARIA tree pattern: arrows move and open or
 * close, Home/End jump, Enter/Space open the item's details, `*` opens the siblings, and a
 * letter or digit moves to the next item whose title or identifier starts with it.
 */
export function treeKeyAction(key: string, current: string, tree: CatalogueTree, expanded: ReadonlySet<string>): TreeKeyAction | null {
  const visible = visibleIds(tree, expanded);
  const index = visible.indexOf(current);
  if (index < 0) return visible[0] ? { kind: 'focus', id: visible[0] } : null;
  const focus = (id: string | undefined): TreeKeyAction | null => (id === undefined ? null : { kind: 'focus', id });
  switch (key) {
    case 'ArrowDown':
      return focus(visible[index + 1]);
    case 'ArrowUp':
      return focus(visible[index - 1]);
    case 'Home':
      return focus(visible[0]);
    case 'End':
      return focus(visible.at(-1));
    case 'ArrowRight':
      if (!hasChildren(tree, current)) return null;
      return expanded.has(current) ? focus(childrenOf(tree, current)[0]?.id) : { kind: 'expand', ids: [current] };
    case 'ArrowLeft':
      if (expanded.has(current) && hasChildren(tree, current)) return { kind: 'collapse', id: current };
      return focus(parentOf(tree, current) ?? undefined);
    case 'Enter':
    case ' ':
      return { kind: 'select', id: current };
    case '*': {
      const siblings = childrenOf(tree, parentOf(tree, current)).filter((item) => hasChildren(tree, item.id));
      return siblings.length > 0 ? { kind: 'expand', ids: siblings.map((item) => item.id) } : null;
    }
    default: {
      if (key.length !== 1 || !/\S/.test(key)) return null;
      const letter = key.toLowerCase();
      const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)];
      const match = order.find((id) => {
        const item = tree.byId.get(id);
        return item !== undefined && (item.title.toLowerCase().startsWith(letter) || item.id.toLowerCase().startsWith(letter));
      });
      return focus(match);
    }
  }
}
