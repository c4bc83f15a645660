import { Button, EmptyState, Group, Pagination, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import { EntriesToolbar } from './EntriesToolbar.tsx';
import { EntryDrawer } from './EntryDrawer.tsx';
import { ENTRIES_PAGE_SIZE, useEntriesPage } from './ledger-api.ts';
import { FILTER_KEYS, type useEntryListParams } from './useEntryListParams.ts';

type EntryList = ReturnType<typeof useEntryListParams>;

/** The entries, filtered, ordered and paged by the server, and the one opened beside them. */
export function EntriesSection({ list, canSign }: { list: EntryList; canSign: boolean }) {
  const { params } = list;
  const page = useEntriesPage(params);
  const pages = page.data ? Math.max(1, Math.ceil(page.data.total / ENTRIES_PAGE_SIZE)) : 1;
  const first = page.data && page.data.total > 0 ? page.data.offset + 1 : 0;
  const last = page.data ? page.data.offset + page.data.items.length : 0;
  const filtersKey = FILTER_KEYS.map((key) => params.filters[key]).join('\u0000');

  return (
    <section aria-labelledby="entries-title">
      <Title order={2} size="h4" id="entries-title" mb="sm">
        Entries
      </Title>
      <EntriesToolbar
        key={filtersKey}
        filters={params.filters}
        sort={params.sort}
        hasFilters={list.hasFilters}
        onFilter={list.setFilters}
        onClear={list.clearFilters}
        onSort={list.setSort}
      />
      {page.isPending && <LoadingState label="Loading entries" />}
      {page.isError && <ErrorState title="The entries could not be loaded" error={page.error} onRetry={() => void page.refetch()} />}
      {page.isSuccess && page.data.items.length === 0 && (
        <EmptyState
          title={list.hasFilters ? 'No entry matches these filters' : params.page > 1 ? 'No entries on this page' : 'The log is empty'}
          description={
            list.hasFilters
              ? 'Filters match exactly: check the action name or the pseudonym, widen the dates, or clear the filters.'
              : params.page > 1
                ? 'Go back to the first page.'
                : 'Every change made in aims will appear here.'
          }
          py="xl"
        >
          {(list.hasFilters || params.page > 1) && (
            <EmptyState.Actions>
              <Button variant="light" onClick={list.hasFilters ? list.clearFilters : () => list.setPage(1)}>
                {list.hasFilters ? 'Clear filters' : 'First page'}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {page.isSuccess && page.data.items.length > 0 && (
        <div aria-busy={page.isFetching}>
          <EntriesTable entries={page.data.items} sort={params.sort} openSeq={params.entry} onOpen={list.openEntry} />
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              Showing {first}–{last} of {page.data.total}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(params.page, pages)}
                onChange={list.setPage}
                aria-label="Pages of entries"
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            )}
          </Group>
        </div>
      )}
      <EntryDrawer
        seq={params.entry}
        fromList={page.data?.items.find((entry) => entry.seq === params.entry)}
        canSign={canSign}
        onClose={list.closeEntry}
        onFilter={list.setFilters}
      />
    </section>
  );
}
