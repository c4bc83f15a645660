import { Anchor, AppShell, Burger, Group, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth/MeContext.tsx';
import { Navigation } from './Navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * The frame of every signed-in page: header, navigation (a burger below the `sm` breakpoint) and
 * the main landmark. After each navigation focus moves to the main area, so keyboard and screen
 * reader users start at the new content instead of the top of the navigation.
 */
export function AppLayout() {
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const theme = useMantineTheme();
  // Collapsed on a small screen, the navigation is only moved off-screen; `inert` also takes its
  // links out of the Tab order and the accessibility tree until the burger opens it.
  const smallScreen = useMediaQuery(`(max-width: calc(${theme.breakpoints.sm} - 0.1px))`);
  const navHidden = smallScreen === true && !navOpened;
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    nav.close();
    mainRef.current?.focus();
  }, [pathname, nav]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: { base: 270, xl: 310 }, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Navigation menu" aria-expanded={navOpened} aria-controls="main-navigation" />
            <Anchor component={Link} to="/" fw={800} size="lg" underline="never" c="indigo.7" aria-label="aims, go to the dashboard">
              aims
            </Anchor>
            <Text c="dimmed" aria-hidden>
              /
            </Text>
            <Text fw={500} truncate data-testid="organisation-name">
              {me.organisation.name}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label="Main navigation" inert={navHidden}>
        <Navigation />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1} className="main-content">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
