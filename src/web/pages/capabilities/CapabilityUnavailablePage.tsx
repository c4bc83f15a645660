import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { CapabilityPage, CapabilitySection } from '../../shell/sections.ts';

/** Parts of the capability that are ready before the rest, so nobody misses them. */
function AvailablePages({ pages }: { pages: readonly CapabilityPage[] }) {
  return (
    <Card withBorder padding="md" mt="md" maw={720} component="section" aria-labelledby="available-pages-title">
      <Title order={2} size="h5" id="available-pages-title" mb="xs">
        Already available in this area
      </Title>
      <Stack gap="sm">
        {pages.map((page) => (
          <div key={page.path}>
            <Anchor component={Link} to={page.path} fw={500} size="sm">
              {page.label}
            </Anchor>
            <Text size="sm" c="dimmed">
              {page.summary}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

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
      {section.pages && section.pages.length > 0 && <AvailablePages pages={section.pages} />}
    </>
  );
}
