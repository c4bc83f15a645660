import { Badge } from '@mantine/core';
import type { FrameworkItem } from '../../api/types.ts';

/**
 * What matters about an item at a glance: the organisation must keep documented information for
 * it, and it is scored in a gap assessment. Nothing is shown for neither.
 */
export function ItemBadges({ item, size = 'xs' }: { item: Pick<FrameworkItem, 'assessable' | 'mandatoryDocumentedInformation'>; size?: 'xs' | 'sm' }) {
  return (
    <>
      {item.mandatoryDocumentedInformation && (
        <Badge size={size} color="orange" variant="light" tt="none" title={`Mandatory documented information: ${item.mandatoryDocumentedInformation}`}>
          Documented information
        </Badge>
      )}
      {item.assessable && (
        <Badge size={size} color="indigo" variant="outline" tt="none" title="Assessed in a gap assessment">
          Assessable
        </Badge>
      )}
    </>
  );
}
