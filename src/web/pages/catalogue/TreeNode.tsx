import type { FrameworkItem } from '../../api/types.ts';
import { ItemBadges } from './ItemBadges.tsx';
import { childrenOf, type CatalogueTree } from './tree.ts';

export interface TreeNodeContext {
  tree: CatalogueTree;
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  /** The one item reached with Tab (roving tab index); arrows move it. */
  tabbableId: string | null;
  domId: (id: string) => string;
  register: (id: string, element: HTMLLIElement | null) => void;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}

interface TreeNodeProps {
  item: FrameworkItem;
  level: number;
  position: number;
  siblings: number;
  context: TreeNodeContext;
}

/**
 * One item of the tree: a row with its identifier, title and badges, and its children when open.
 * The name of the item is its row's label only (aria-labelledby), not the text of its whole branch.
 */
export function TreeNode({ item, level, position, siblings, context }: TreeNodeProps) {
  const children = childrenOf(context.tree, item.id);
  const branch = children.length > 0;
  const open = branch && context.expanded.has(item.id);
  const domId = context.domId(item.id);
  const hasBadges = item.assessable || item.mandatoryDocumentedInformation !== null;

  return (
    <li
      ref={(element) => context.register(item.id, element)}
      role="treeitem"
      id={domId}
      aria-labelledby={`${domId}-label`}
      aria-describedby={hasBadges ? `${domId}-badges` : undefined}
      aria-level={level}
      aria-posinset={position}
      aria-setsize={siblings}
      aria-expanded={branch ? open : undefined}
      aria-selected={context.selectedId === item.id}
      tabIndex={context.tabbableId === item.id ? 0 : -1}
      data-item-id={item.id}
      data-type={item.type}
    >
      <div className="catalogue-tree-row" style={{ paddingLeft: `${(level - 1) * 1.1}rem` }} onClick={() => context.onSelect(item.id)}>
        <span
          className="catalogue-tree-toggle"
          aria-hidden
          onClick={(event) => {
            if (!branch) return;
            event.stopPropagation();
            context.onToggle(item.id);
          }}
        >
          {branch ? (open ? '▾' : '▸') : ''}
        </span>
        <span className="catalogue-tree-text">
          <span id={`${domId}-label`}>
            <span className="catalogue-tree-id">{item.id}</span> {item.title}
          </span>
          {hasBadges && (
            <span className="catalogue-tree-badges" id={`${domId}-badges`}>
              <ItemBadges item={item} />
            </span>
          )}
        </span>
      </div>
      {open && (
        <ul role="group">
          {children.map((child, index) => (
            <TreeNode key={child.id} item={child} level={level + 1} position={index + 1} siblings={children.length} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}
