import { Alert, Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { accountApi, accountKeys, type AccountSettings, useAccountSettings } from '../../api/account';
import { isApiError } from '../../api/client';
import { timeZones } from '../../api/schedules';
import { useRole } from '../../auth/role';
import { sessionQueryKey } from '../../auth/sessionKey';
import { QueryState } from '../common/QueryState';
import { useConfirmLeave } from '../common/useConfirmLeave';

interface Values {
  name: string;
  setupWizard: boolean;
  timeZone: string;
}

const valuesOf = (settings: AccountSettings): Values => ({ name: settings.name, setupWizard: settings.setupWizard, timeZone: settings.timeZone });

/** The account's name and its switches; a 412 (another admin saved first) reloads them. */
function Form({ settings }: { settings: AccountSettings }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: valuesOf(settings),
    validate: { name: (value) => (value.trim() ? null : 'Give the account a name') },
  });
  useEffect(() => {
    form.setInitialValues(valuesOf(settings));
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the server's copy changes
  }, [settings.version]);
  const leave = useConfirmLeave(form.isDirty());
  const zones = useMemo(timeZones, []);
  // The server refuses (403) anyone but the owner; show the settings read-only to the rest.
  const { isOwner } = useRole();
  const save = useMutation({
    mutationFn: (values: Values) => accountApi.update({ name: values.name.trim(), setupWizard: values.setupWizard, timeZone: values.timeZone }, settings.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey }); // the header shows the account name
      notifications.show({ color: 'teal', title: 'Account settings saved', message: saved.setupWizard ? 'Setup using Wizard is on.' : 'Setup using Wizard is off.' });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 412) void queryClient.invalidateQueries({ queryKey: accountKeys.settings });
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      {leave.dialog}
      <Stack gap="md" maw={560}>
        <TextInput label="Account name" required disabled={!isOwner} {...form.getInputProps('name')} />
        <Select
          label="Time zone"
          description="New schedules and the call simulator start in this zone."
          data={zones}
          searchable
          allowDeselect={false}
          disabled={!isOwner}
          {...form.getInputProps('timeZone')}
        />
        <Switch
          label="Setup using Wizard"
          description="Offer the contact Setup Wizard on the Contacts page: contact, numbers, call.center device and call flow in one go."
          disabled={!isOwner}
          {...form.getInputProps('setupWizard', { type: 'checkbox' })}
        />
        {save.isError && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not saved">
            {isApiError(save.error) && save.error.status === 412
              ? 'Another admin changed these settings first; they have been reloaded.'
              : save.error.message}
          </Alert>
        )}
        {!isOwner && (
          <Text size="xs" c="dimmed">
            Only the account owner can change these settings.
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!isOwner || !form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AccountSettingsForm() {
  const settings = useAccountSettings();
  return (
    <QueryState query={settings} what="the account settings" rows={2}>
      {(data) => <Form settings={data} />}
    </QueryState>
  );
}
