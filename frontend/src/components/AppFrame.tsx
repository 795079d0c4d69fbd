import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { AccountMenu } from './AccountMenu';
import { BrandMark } from './BrandMark';
import { MainNav } from './MainNav';
import { PendingBadge } from './PendingBadge';
import { PublishModal } from './workspace/PublishModal';
import { PhoneDock } from '../phone/ui/PhoneDock';

export const HEADER_HEIGHT = 60;

/** The authenticated frame: header with the account menu, navigation on the left, the page in the middle. */
export function AppFrame() {
  const { session } = useSession();
  const [navOpen, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <BrandMark />
          </Group>
          {session && (
            <Group gap="md" wrap="nowrap">
              <PendingBadge />
              <PhoneDock />
              <AccountMenu session={session} />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </AppShell.Main>
      {session && <PublishModal />}
    </AppShell>
  );
}
