import { Paper, Stack, Text, Title } from '@mantine/core';
import { useRole } from '../auth/role';
import { useSession } from '../auth/session';
import { Page } from '../components/Page';
import { InviteForm } from '../components/team/InviteForm';
import { TeamTable } from '../components/team/TeamTable';

export default function TeamPage() {
  const { isOwner } = useRole();
  const { session } = useSession();
  return (
    <Page title="Team" description="The admins of this account. Owners manage the team and the account; admins edit everything else; viewers only look.">
      {isOwner ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">Invite an admin</Title>
            <InviteForm />
          </Stack>
        </Paper>
      ) : (
        <Text c="dimmed">Only an owner can invite, change roles or remove admins.</Text>
      )}
      <TeamTable editable={isOwner} selfId={session?.admin.id ?? null} />
    </Page>
  );
}
