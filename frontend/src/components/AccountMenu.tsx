import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useLogout } from '../auth/session';
import type { Session } from '../types';

/** Top-right menu: who is logged in, to which account, and the personal actions. */
export function AccountMenu({ session }: { session: Session }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const { admin, account } = session;
  const fullName = `${admin.firstName} ${admin.lastName}`.trim() || admin.email;
  const initials = `${admin.firstName.charAt(0)}${admin.lastName.charAt(0)}`.toUpperCase() || '?';

  const logOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => {
        notifications.show({ color: 'red', title: 'Logging out failed', message: error.message });
        navigate('/login', { replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials}
            </Avatar>
            <div style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600} truncate maw={180}>
                {fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate maw={180}>
                {account.name}
              </Text>
            </div>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{admin.email}</Menu.Label>
        <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={() => navigate('/settings#change-password')}>
          Change password
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => navigate('/settings#api-tokens')}>
          API tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={logOut} disabled={logout.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
