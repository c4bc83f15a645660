import { Alert, Divider, Grid, Paper, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import type { FrameworkSummary } from '../../api/types.ts';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useFramework } from './catalogue-api.ts';
import { CatalogueSearch } from './CatalogueSearch.tsx';
import { FrameworkPicker } from './FrameworkPicker.tsx';
import { FrameworkSummaryCard } from './FrameworkSummaryCard.tsx';
import { FrameworkTree } from './FrameworkTree.tsx';
import { ItemPanel } from './ItemPanel.tsx';
import { SearchResults } from './SearchResults.tsx';
import { buildTree } from './tree.ts';
import type { CatalogueNavigation } from './useCatalogueParams.ts';

/**
 * The picker and the framework's summary on top; below, the tree (or the search results) beside
 * the open item. On a narrow screen the item covers the screen instead of sitting beside the tree.
 */
export function CatalogueBrowser({ frameworks, nav }: { frameworks: readonly FrameworkSummary[]; nav: CatalogueNavigation }) {
  const { params } = nav;
  const theme = useMantineTheme();
  const narrow = useMediaQuery(`(max-width: calc(${theme.breakpoints.md} - 0.1px))`, false, { getInitialValueInEffect: false }) === true;
  const requested = params.framework === null ? undefined : frameworks.find((f) => f.id === params.framework);
  const framework = requested ?? frameworks[0]!;
  const detail = useFramework(framework.id);
  const tree = useMemo(() => (detail.data ? buildTree(detail.data.items) : null), [detail.data]);
  const itemId = requested || params.framework === null ? params.item : null;

  return (
    <>
      <FrameworkPicker frameworks={frameworks} value={framework.id} onChange={nav.selectFramework} />
      {params.framework !== null && !requested && (
        <Alert color="orange" title="Framework not found" role="alert" mb="md">
          There is no framework “{params.framework}” in this organisation&apos;s catalogue; showing {framework.shortName}.
        </Alert>
      )}
      <FrameworkSummaryCard framework={framework} items={detail.data?.items} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <CatalogueSearch search={params.search} frameworks={frameworks} onChange={nav.setSearch} onClear={nav.clearSearch} />
            <Divider my="md" />
            {nav.hasSearch ? (
              <SearchResults
                search={params.search}
                open={{ framework: framework.id, item: itemId }}
                itemSearch={nav.itemSearch}
                onPage={(page) => nav.setSearch({ page })}
              />
            ) : (
              <>
                {detail.isPending && <LoadingState label={`Loading ${framework.shortName}`} />}
                {detail.isError && <ErrorState title={`${framework.shortName} could not be loaded`} error={detail.error} onRetry={() => void detail.refetch()} />}
                {tree && (
                  <FrameworkTree key={framework.id} framework={framework} tree={tree} selectedId={itemId} onSelect={(id) => nav.openItem(framework.id, id)} />
                )}
              </>
            )}
          </Paper>
        </Grid.Col>
        {!narrow && (
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ItemPanel frameworkId={framework.id} itemId={itemId} asDrawer={false} itemSearch={nav.itemSearch} onClose={nav.closeItem} />
          </Grid.Col>
        )}
      </Grid>
      {narrow && <ItemPanel frameworkId={framework.id} itemId={itemId} asDrawer itemSearch={nav.itemSearch} onClose={nav.closeItem} />}
    </>
  );
}
