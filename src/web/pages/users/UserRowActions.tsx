import { ActionIcon, Menu } from '@mantine/core';
import type { User } from '../../api/types.ts';

export type UserAction = 'edit' | 'password' | 'status';

/** One menu per row keeps the table narrow; every item is reachable with the keyboard. */
export function UserRowActions({ user, onAction }: { user: User; onAction: (action: UserAction, user: User) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={`Actions for ${user.name}`} title="Actions">
          <span aria-hidden style={{ fontSize: '1.25rem', lineHeight: 1 }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('edit', user)}>Edit name, department and roles</Menu.Item>
        <Menu.Item onClick={() => onAction('password', user)}>Set or generate password</Menu.Item>
        <Menu.Divider />
        <Menu.Item color={user.status === 'active' ? 'red' : undefined} onClick={() => onAction('status', user)}>
          {user.status === 'active' ? 'Deactivate' : 'Reactivate'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
