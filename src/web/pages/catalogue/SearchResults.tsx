import { Anchor, Badge, EmptyState, Group, Pagination, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { ITEM_TYPE_LABELS, MATCH_LABELS } from './catalogue-text.ts';
import { MIN_SEARCH_LENGTH, SEARCH_PAGE_SIZE, useCatalogueSearch, type SearchHit, type SearchParams } from './catalogue-api.ts';
import { ItemBadges } from './ItemBadges.tsx';

interface SearchResultsProps {
  search: SearchParams;
  open: { framework: string; item: string | null };
  itemSearch: (frameworkId: string, itemId: string) => string;
  onPage: (page: number) => void;
}

function Hit({ hit, href, current }: { hit: SearchHit; href: string; current: boolean }) {
  return (
    <Stack
      component="li"
      gap={2}
      p="xs"
      bg={current ? 'var(--mantine-color-indigo-light)' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid="search-hit"
    >
      <Group gap={6} wrap="nowrap" align="baseline">
        <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {hit.frameworkName}
        </Badge>
        <Anchor component={Link} to={{ search: href }} size="sm" fw={600} aria-current={current ? 'true' : undefined}>
          {hit.item.id} {hit.item.title}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {hit.item.summary}
      </Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {ITEM_TYPE_LABELS[hit.item.type].one} · matched in {hit.matchedIn.map((field) => MATCH_LABELS[field] ?? field).join(', ')}
        </Text>
        <ItemBadges item={hit.item} />
      </Group>
    </Stack>
  );
}

/** The hits across every framework, identifiers and titles first, a page at a time. */
export function SearchResults({ search, open, itemSearch, onPage }: SearchResultsProps) {
  const results = useCatalogueSearch(search);
  if (search.q.trim().length < MIN_SEARCH_LENGTH) {
    return (
      <Text size="sm" c="dimmed" py="md">
        Type at least {MIN_SEARCH_LENGTH} characters to search, or clear the search to browse the tree.
      </Text>
    );
  }
  if (results.isPending) return <LoadingState label="Searching" />;
  if (results.isError) return <ErrorState title="The search failed" error={results.error} onRetry={() => void results.refetch()} />;
  const { items, total, offset } = results.data;
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  if (items.length === 0) {
    return (
      <EmptyState
        title={total === 0 ? `Nothing matches “${search.q.trim()}”` : 'No results on this page'}
        description={total === 0 ? 'Every word must appear in the same item. Try fewer or other words, or remove a filter.' : 'Go back to the first page.'}
        py="lg"
      />
    );
  }
  return (
    <div aria-busy={results.isFetching}>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" mb="xs">
        {total} result{total === 1 ? '' : 's'} for “{search.q.trim()}” · showing {offset + 1}–{offset + items.length}
      </Text>
      <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Search results">
        {items.map((hit) => (
          <Hit
            key={`${hit.frameworkId}\u0000${hit.item.id}`}
            hit={hit}
            href={itemSearch(hit.frameworkId, hit.item.id)}
            current={open.framework === hit.frameworkId && open.item === hit.item.id}
          />
        ))}
      </Stack>
      {pages > 1 && (
        <Pagination
          mt="md"
          size="sm"
          total={pages}
          value={Math.min(search.page, pages)}
          onChange={onPage}
          aria-label="Pages of search results"
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
        />
      )}
    </div>
  );
}
