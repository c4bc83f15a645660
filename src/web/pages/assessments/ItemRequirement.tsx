import { Stack } from '@mantine/core';
import { RequirementText } from '../../components/RequirementText.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { useFrameworkItem } from '../catalogue/catalogue-api.ts';


/** What the item asks, so the assessor judges against the requirement rather than from memory. */
export function ItemRequirement({ frameworkId, itemId }: { frameworkId: string; itemId: string }) {
  const detail = useFrameworkItem(frameworkId, itemId);
  if (detail.isPending) return <LoadingState label="Loading what the item asks" />;
  if (detail.isError) return <ErrorState title="The item's text could not be loaded" error={detail.error} onRetry={() => void detail.refetch()} />;
  const { item } = detail.data;
  return (
    <Stack gap="sm" data-testid="item-requirement">
      <RequirementText item={item} summaryTitle="Requirement" size="h6" />
    </Stack>
  );
}
