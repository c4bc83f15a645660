import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CAPABILITY_SECTIONS } from '../../shell/sections.ts';

/** Where aims is going: every capability, each marked for what it is today. */
export function SectionLinks() {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sections-title">
      <Title order={2} size="h4" id="sections-title" mb={4}>
        Capabilities
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        This version of aims provides sign-in, users, roles, API tokens, the tamper-evident audit trail, the framework
        catalogue and the gap assessments. The other capabilities below are not available yet; each page says what it will do.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {CAPABILITY_SECTIONS.map((section) => (
          <li key={section.path}>
            <Anchor component={Link} to={section.path} fw={500} size="sm">
              {section.label}
            </Anchor>
            <Text size="xs" c={section.available ? 'teal.8' : 'dimmed'}>
              {section.available ? 'Available' : 'Not available yet'}
            </Text>
            {section.pages?.map((page) => (
              <Text size="xs" key={page.path}>
                Available now:{' '}
                <Anchor component={Link} to={page.path} size="xs">
                  {page.label}
                </Anchor>
              </Text>
            ))}
          </li>
        ))}
      </SimpleGrid>
    </Card>
  );
}
