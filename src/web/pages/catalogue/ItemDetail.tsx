import { Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CrosswalkMapping, FrameworkItem, FrameworkItemType, FrameworkSummary } from '../../api/types.ts';
import { ITEM_TYPE_LABELS } from './catalogue-text.ts';
import { ItemBadges } from './ItemBadges.tsx';
import { MappingList } from './MappingList.tsx';
import { RequirementText, TextPart as Part } from '../../components/RequirementText.tsx';

export interface ItemDetailData {
  framework: FrameworkSummary;
  item: FrameworkItem;
  ancestors: Array<{ id: string; title: string }>;
  children: Array<{ id: string; title: string; type: FrameworkItemType }>;
  mappings: CrosswalkMapping[];
}


/**
 * Everything aims says about one item: where it sits, what it asks, how to meet it, what an
 * auditor will want to see and ask, and how it maps to the other frameworks.
 */
export function ItemDetail({ data, itemSearch }: { data: ItemDetailData; itemSearch: (frameworkId: string, itemId: string | null) => string }) {
  const { framework, item, ancestors, children, mappings } = data;
  const rootRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // Following a link in the panel replaces the panel: focus goes to the new item's title rather
  // than being lost with the link that was clicked. Focus elsewhere (the tree, a search hit) stays.
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (lost || rootRef.current?.contains(active)) titleRef.current?.focus();
  }, [framework.id, item.id]);

  return (
    <Stack component="article" ref={rootRef} gap="md" aria-labelledby="item-title" data-testid="item-detail">
      <nav aria-label="Where this item sits">
        <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to={{ search: itemSearch(framework.id, null) }} size="sm">
            {framework.shortName}
          </Anchor>
          {ancestors.map((ancestor) => (
            <Anchor key={ancestor.id} component={Link} to={{ search: itemSearch(framework.id, ancestor.id) }} size="sm" title={ancestor.title}>
              {ancestor.id}
            </Anchor>
          ))}
          <Text size="sm" aria-current="page">
            {item.id}
          </Text>
        </Breadcrumbs>
      </nav>
      <div>
        <Title order={2} size="h3" id="item-title" ref={titleRef} tabIndex={-1} style={{ outline: 'none' }}>
          {item.id} {item.title}
        </Title>
        <Group gap={6} mt={6}>
          <Badge size="sm" variant="light" color="gray" tt="none">
            {ITEM_TYPE_LABELS[item.type].one}
          </Badge>
          <ItemBadges item={item} size="sm" />
        </Group>
      </div>
      <RequirementText item={item} summaryTitle="Summary" />
      {item.tags.length > 0 && (
        <Part title="Tags">
          <Group gap={6}>
            {item.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="dot" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        </Part>
      )}
      {children.length > 0 && (
        <Part title={`Contains (${children.length})`}>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {children.map((child) => (
              <li key={child.id}>
                <Anchor component={Link} to={{ search: itemSearch(framework.id, child.id) }} size="sm">
                  <Text span fw={700} size="sm">
                    {child.id}
                  </Text>{' '}
                  {child.title}
                </Anchor>
              </li>
            ))}
          </Stack>
        </Part>
      )}
      <Part title="Crosswalk">
        <MappingList itemId={item.id} mappings={mappings} itemSearch={itemSearch} />
      </Part>
    </Stack>
  );
}
