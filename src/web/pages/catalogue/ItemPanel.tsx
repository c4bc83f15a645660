import { Drawer, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useFrameworkItem } from './catalogue-api.ts';
import { ItemDetail } from './ItemDetail.tsx';

interface ItemPanelProps {
  frameworkId: string;
  itemId: string | null;
  /** Below the `md` breakpoint the details cover the screen in a drawer instead of a column. */
  asDrawer: boolean;
  itemSearch: (frameworkId: string, itemId: string | null) => string;
  onClose: () => void;
}

function ItemContent({ frameworkId, itemId, itemSearch }: { frameworkId: string; itemId: string; itemSearch: ItemPanelProps['itemSearch'] }) {
  const item = useFrameworkItem(frameworkId, itemId);
  if (item.isPending) return <LoadingState label="Loading the item" />;
  if (item.isError) return <ErrorState title={`Item ${itemId} could not be loaded`} error={item.error} onRetry={() => void item.refetch()} />;
  return <ItemDetail data={item.data} itemSearch={itemSearch} />;
}

/** The open item beside the tree, or what to do when none is open yet. */
export function ItemPanel({ frameworkId, itemId, asDrawer, itemSearch, onClose }: ItemPanelProps) {
  // While the drawer slides out it keeps showing the item it had.
  const [shown, setShown] = useState(itemId);
  if (itemId !== null && itemId !== shown) setShown(itemId);
  const current = itemId ?? shown;

  if (asDrawer) {
    return (
      <Drawer opened={itemId !== null} onClose={onClose} position="right" size="100%" title={current ?? 'Item'} styles={{ title: { fontWeight: 700 } }}>
        {current !== null && <ItemContent frameworkId={frameworkId} itemId={current} itemSearch={itemSearch} />}
      </Drawer>
    );
  }
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label="Item details"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + var(--mantine-spacing-md))', maxHeight: 'calc(100vh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))', overflowY: 'auto' }}
    >
      {itemId === null ? (
        <Text size="sm" c="dimmed">
          Choose an item in the tree, or search, to see its summary, guidance, typical evidence, auditor questions and how it maps to the other
          frameworks.
        </Text>
      ) : (
        <ItemContent frameworkId={frameworkId} itemId={itemId} itemSearch={itemSearch} />
      )}
    </Paper>
  );
}
