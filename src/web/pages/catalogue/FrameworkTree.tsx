import { Button, Group, Text } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { FrameworkSummary } from '../../api/types.ts';
import { ancestorIds, branchIds, childrenOf, hasChildren, treeKeyAction, visibleIds, type CatalogueTree } from './tree.ts';
import { TreeNode, type TreeNodeContext } from './TreeNode.tsx';
import './tree.css';

interface FrameworkTreeProps {
  framework: FrameworkSummary;
  tree: CatalogueTree;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

function withAncestorsOf(expanded: ReadonlySet<string>, tree: CatalogueTree, id: string | null): ReadonlySet<string> {
  if (id === null) return expanded;
  const missing = ancestorIds(tree, id).filter((a) => !expanded.has(a));
  return missing.length === 0 ? expanded : new Set([...expanded, ...missing]);
}

/**
 * The framework as a tree (clauses > subclauses, Annex A groups > objectives > controls, ...),
 * following the WAI-ARIA tree pattern: Tab reaches one item, the arrows move between items and
 * open or close branches, Enter opens an item's details. The open item's branch is unfolded, also
 * when it was opened from elsewhere (a search hit, a crosswalk link, the address).
 */
export function FrameworkTree({ framework, tree, selectedId, onSelect }: FrameworkTreeProps) {
  const prefix = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => withAncestorsOf(new Set(), tree, selectedId));
  const [focusedId, setFocusedId] = useState<string | null>(selectedId);
  const [shownSelection, setShownSelection] = useState(selectedId);
  const elements = useRef(new Map<string, HTMLLIElement>());

  // A new selection from outside the tree unfolds its branch and becomes the item Tab reaches.
  if (shownSelection !== selectedId) {
    setShownSelection(selectedId);
    setExpanded(withAncestorsOf(expanded, tree, selectedId));
    if (selectedId !== null) setFocusedId(selectedId);
  }

  useEffect(() => {
    if (selectedId !== null) elements.current.get(selectedId)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const visible = useMemo(() => visibleIds(tree, expanded), [tree, expanded]);
  const indexOf = useMemo(() => new Map([...tree.byId.keys()].map((id, index) => [id, index])), [tree]);
  const tabbableId = [focusedId, selectedId].find((id) => id !== null && visible.includes(id)) ?? visible[0] ?? null;

  const moveFocus = (id: string) => {
    setFocusedId(id);
    elements.current.get(id)?.focus();
  };
  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };
  const select = (id: string) => {
    setFocusedId(id);
    if (hasChildren(tree, id) && !expanded.has(id)) setExpanded(new Set([...expanded, id]));
    onSelect(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role=treeitem]')?.dataset.itemId;
    if (current === undefined) return;
    const action = treeKeyAction(event.key, current, tree, expanded);
    if (action === null) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'focus') moveFocus(action.id);
    else if (action.kind === 'expand') setExpanded(new Set([...expanded, ...action.ids]));
    else if (action.kind === 'collapse') toggle(action.id);
    else select(action.id);
  };
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const id = (event.target as HTMLElement).dataset.itemId;
    if (id !== undefined && id !== focusedId) setFocusedId(id);
  };

  const context: TreeNodeContext = {
    tree,
    expanded,
    selectedId,
    tabbableId,
    domId: (id) => `${prefix}-item-${indexOf.get(id) ?? 'x'}`,
    register: (id, element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
    onToggle: toggle,
    onSelect: select,
  };
  const roots = childrenOf(tree, null);
  const branches = branchIds(tree);
  const allOpen = branches.every((id) => expanded.has(id));

  return (
    <div>
      <Group justify="space-between" gap="xs" mb="xs">
        <Text size="xs" c="dimmed">
          Arrow keys move and open branches; Enter shows an item.
        </Text>
        {branches.length > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={() => setExpanded(allOpen ? withAncestorsOf(new Set(), tree, selectedId) : new Set(branches))}>
            {allOpen ? 'Collapse all' : 'Expand all'}
          </Button>
        )}
      </Group>
      <ul role="tree" aria-label={`${framework.shortName} items`} className="catalogue-tree" onKeyDown={onKeyDown} onFocus={onFocus}>
        {roots.map((item, index) => (
          <TreeNode key={item.id} item={item} level={1} position={index + 1} siblings={roots.length} context={context} />
        ))}
      </ul>
    </div>
  );
}
