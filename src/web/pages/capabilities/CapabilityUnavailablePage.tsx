import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { CapabilitySection } from '../../shell/sections.ts';

/** Says plainly that a capability is not built yet, and what it will do: no invented data. */
export function CapabilityUnavailablePage({ section }: { section: CapabilitySection }) {
  return (
    <>
      <PageHeader title={section.label} />
      <Alert color="gray" title="Not available yet" role="status" maw={720}>
        <Text size="sm" mb="xs">
          This capability is not available yet in this version of aims.
        </Text>
        <Text size="sm" mb="xs">
          When it arrives, it will: {section.summary.charAt(0).toLowerCase() + section.summary.slice(1)}
        </Text>
        <Anchor component={Link} to="/" size="sm">
          Back to the dashboard
        </Anchor>
      </Alert>
    </>
  );
}
