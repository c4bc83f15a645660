import { AppShell, Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Fragment, useId } from 'react';
import { Link, useLocation } from 'react-router';
import { useCan } from '../auth/MeContext.tsx';
import { ADMIN_SECTIONS, CAPABILITY_SECTIONS } from './sections.ts';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function NavItem({ to, label, notYet, nested }: { to: string; label: string; notYet?: boolean; nested?: boolean }) {
  const { pathname } = useLocation();
  const active = isActive(pathname, to);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      // A page inside a capability sits indented under it.
      pl={nested ? 'xl' : undefined}
      aria-current={active ? 'page' : undefined}
      rightSection={
        notYet ? (
          <Badge size="xs" variant="light" color="gray">
            soon
          </Badge>
        ) : undefined
      }
    />
  );
}

function NavGroup({ title, children }: { title: string; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <Stack gap={2} component="section" aria-labelledby={headingId}>
      <Text component="h2" id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The side navigation: every capability of aims, and administration for those allowed to see it. */
export function Navigation() {
  const can = useCan();
  const adminSections = ADMIN_SECTIONS.filter((section) => !section.permission || can(section.permission));
  return (
    <AppShell.Section grow component={ScrollArea} px="xs" pb="md">
      <NavGroup title="Overview">
        <NavItem to="/" label="Dashboard" />
        <NavItem to="/profile" label="Your profile" />
      </NavGroup>
      <NavGroup title="Governance">
        {CAPABILITY_SECTIONS.map((section) => (
          <Fragment key={section.path}>
            <NavItem to={section.path} label={section.label} notYet={!section.available} />
            {section.pages?.map((page) => <NavItem key={page.path} to={page.path} label={page.label} nested />)}
          </Fragment>
        ))}
      </NavGroup>
      {adminSections.length > 0 && (
        <NavGroup title="Administration">
          {adminSections.map((section) => (
            <NavItem key={section.path} to={section.path} label={section.label} />
          ))}
        </NavGroup>
      )}
    </AppShell.Section>
  );
}
