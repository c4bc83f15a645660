import { Grid, Stack } from '@mantine/core';
import { useCan, useMe } from '../../auth/MeContext.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PeopleSummary } from './PeopleSummary.tsx';
import { SectionLinks } from './SectionLinks.tsx';
import { YourAccessCard } from './YourAccessCard.tsx';

export function DashboardPage() {
  const me = useMe();
  const can = useCan();
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.name}`} description={`You are signed in to ${me.organisation.name}.`} />
      <Stack gap="lg">
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, lg: can('identity.users.read') ? 8 : 12 }}>
            <YourAccessCard />
          </Grid.Col>
          {can('identity.users.read') && (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <PeopleSummary />
            </Grid.Col>
          )}
        </Grid>
        <SectionLinks />
      </Stack>
    </>
  );
}
