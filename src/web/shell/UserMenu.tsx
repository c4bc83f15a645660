import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../auth/MeContext.tsx';
import { loginPath } from '../auth/redirect.ts';
import { signOut } from '../auth/session.ts';

export function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: signOut,
    // Whether or not the server still knew the session, this browser leaves it.
    onSettled: async () => {
      await navigate(loginPath('/', 'signed-out'), { replace: true });
      queryClient.clear();
    },
  });

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          aria-label={`Account menu of ${me.user.name}`}
          loading={logout.isPending}
          rightSection={<span aria-hidden>▾</span>}
        >
          <Text size="sm" fw={500} truncate maw={180}>
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          Your profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
