import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { MAX_SIP_ACCOUNTS } from '../../api/devices';
import { useState } from 'react';
import { useSipAccounts } from '../../api/sipAccounts';
import { AddSipAccountModal } from './AddSipAccountModal';
import type { DeviceValues } from './DeviceForm';

/** The device's SIP accounts: one picker per row (all accounts of all providers), up to four. */
export function SipAccountRows({ form }: { form: UseFormReturnType<DeviceValues> }) {
  const accounts = useSipAccounts();
  const chosen = form.getValues().sipAccountIds;
  const [adding, setAdding] = useState(false);
  /** A new account fills the first empty row, or a new row. */
  const pick = (id: number) => {
    const empty = chosen.findIndex((value) => !value);
    if (empty >= 0) form.setFieldValue(`sipAccountIds.${empty}`, String(id));
    else if (chosen.length < MAX_SIP_ACCOUNTS) form.insertListItem('sipAccountIds', String(id));
  };

  const groups = new Map<string, { value: string; label: string }[]>();
  for (const account of accounts.data?.items ?? []) {
    const items = groups.get(account.providerName) ?? [];
    items.push({ value: String(account.id), label: `${account.friendlyName || account.username} (${account.username})` });
    groups.set(account.providerName, items);
  }
  const optionsFor = (index: number) =>
    [...groups].map(([group, items]) => ({
      group,
      items: items.map((item) => ({ ...item, disabled: chosen.some((id, other) => other !== index && id === item.value) })),
    }));

  return (
    <Stack gap="xs">
      <div>
        <Text fw={500} size="sm">
          SIP accounts{' '}
          <Text span c="red" aria-hidden>
            *
          </Text>
        </Text>
        <Text c="dimmed" size="xs">
          The accounts this app registers with: at least one, at most {MAX_SIP_ACCOUNTS}.
        </Text>
      </div>
      {chosen.map((_, index) => (
        <Group key={form.key(`sipAccountIds.${index}`)} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            aria-label={`SIP account ${index + 1}`}
            placeholder={accounts.isPending ? 'Loading SIP accounts…' : 'Choose a SIP account'}
            data={optionsFor(index)}
            searchable
            nothingFoundMessage="No SIP account matches. Add one under Service Providers."
            style={{ flex: 1 }}
            {...form.getInputProps(`sipAccountIds.${index}`)}
          />
          <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove SIP account ${index + 1}`} onClick={() => form.removeListItem('sipAccountIds', index)}>
            <IconX size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {form.errors.sipAccountIds && (
        <Text c="red" size="sm" role="alert">
          {form.errors.sipAccountIds}
        </Text>
      )}
      <Group gap="sm">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('sipAccountIds', null)}>
          Add account
        </Button>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          Add SIP account
        </Button>
        <Text size="xs" c="dimmed">
          {chosen.length} of {MAX_SIP_ACCOUNTS}
        </Text>
      </Group>
      {/* A portal inside the device form in React's tree: keep its submit to itself. */}
      <div onSubmit={(event) => event.stopPropagation()}>
        <AddSipAccountModal opened={adding} onClose={() => setAdding(false)} onSaved={(saved) => pick(saved.id)} />
      </div>
    </Stack>
  );
}
