import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUserPlus } from '@tabler/icons-react';
import type { Provider } from '../../api/providers';
import type { SipAccount } from '../../api/sipAccounts';
import { EmptyBlock } from '../common/EmptyBlock';
import { ProviderMenu } from './ProviderMenu';
import { SipAccountTable } from './SipAccountTable';

interface ProviderCardProps {
  provider: Provider;
  accounts: SipAccount[];
  onEdit: () => void;
  onDelete: () => void;
  onAddAccount: () => void;
  onEditAccount: (account: SipAccount) => void;
  onDeleteAccount: (account: SipAccount) => void;
}

/** One provider: its connection facts, its gear, and its SIP accounts. */
export function ProviderCard({ provider, accounts, onEdit, onDelete, onAddAccount, onEditAccount, onDeleteAccount }: ProviderCardProps) {
  const headingId = `provider-${provider.id}-heading`;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="lg" p="lg">
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} fz="lg" id={headingId}>
              {provider.name}
            </Title>
            {provider.builtin && (
              <Badge variant="light" color="indigo">
                Built-in
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            SIP server <Text span ff="monospace" c="dark">{provider.server}:{provider.effectivePort}</Text>
            {provider.proxy && (
              <>
                {' · '}proxy <Text span ff="monospace" c="dark">{provider.proxy}</Text>
              </>
            )}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAddAccount} aria-label={`Add SIP account to ${provider.name}`}>
            Add SIP account
          </Button>
          <ProviderMenu provider={provider} onEdit={onEdit} onDelete={onDelete} />
        </Group>
      </Group>
      {accounts.length === 0 ? (
        <EmptyBlock
          bare
          icon={IconUserPlus}
          title="No SIP accounts yet"
          description="Add the SIP accounts you have at this provider; devices then use them to call."
        />
      ) : (
        <SipAccountTable providerName={provider.name} accounts={accounts} onEdit={onEditAccount} onDelete={onDeleteAccount} />
      )}
    </Paper>
  );
}
