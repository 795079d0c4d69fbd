import { Divider, Input, PasswordInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../../api/hooks';
import type { Provider } from '../../api/providers';
import { queryKeys } from '../../api/queryKeys';
import { type SipAccount, sipAccountsApi } from '../../api/sipAccounts';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';
import { DialingRulesEditor } from './DialingRulesEditor';
import { type SipAccountValues, toChanges, toCreateInput, toValues } from './sipAccountForm';

const PROTOCOLS = [
  { value: 'udp', label: 'UDP' },
  { value: 'tcp', label: 'TCP' },
  { value: 'tls', label: 'TLS' },
];

interface SipAccountFormProps {
  provider: Provider;
  account?: SipAccount;
  onDone: () => void;
  /** Told the saved account (e.g. the device form picks it at once). */
  onSaved?: (saved: SipAccount) => void;
}

/** Add or edit a SIP account of a provider; the password is write-only. */
export function SipAccountForm({ provider, account, onDone, onSaved }: SipAccountFormProps) {
  const refetch = [queryKeys.sipAccounts, queryKeys.providers];
  const form = useForm<SipAccountValues>({
    initialValues: toValues(account),
    validate: {
      username: (value) => (value.trim() ? null : 'Enter the SIP username from your provider'),
      dialingRules: { startWith: (value) => (/^\+?\d+$/.test(value.trim()) ? null : 'Digits, optionally after a +') },
    },
  });
  const save = useApiMutation(
    (values: SipAccountValues) =>
      account ? sipAccountsApi.update(account, toChanges(account, values)) : sipAccountsApi.create(toCreateInput(provider.id, values)),
    refetch,
  );

  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        notifySaved(account ? 'SIP account saved' : 'SIP account added', `${saved.friendlyName || saved.username} at ${provider.name}. Live now on the devices that use it: no publish needed.`);
        onSaved?.(saved);
        onDone();
      },
      onError: (error) => {
        if (reportError(error, { title: 'SIP account not saved', refetch, form }) === 'stale') onDone();
      },
    }),
  );

  const manual = form.getValues().manualPassword;
  const passwordHint = manual
    ? 'Typed on the device after activation; never stored here.'
    : account?.hasPassword
      ? 'Password set — leave empty to keep'
      : 'Sent to devices during activation.';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600} size="sm">
          Basic settings
        </Text>
        <TextInput label="Friendly name" placeholder="e.g. Reception line" data-autofocus {...form.getInputProps('friendlyName')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="SIP username" required autoComplete="off" {...form.getInputProps('username')} />
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            disabled={manual}
            placeholder={account?.hasPassword && !manual ? '••••••••' : undefined}
            description={passwordHint}
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
        <Switch
          label="Manually enter password on device"
          aria-label="Manually enter password on device"
          description="When on, the user types the SIP password in the app; it is not stored here."
          {...form.getInputProps('manualPassword', { type: 'checkbox' })}
        />
        <Input.Wrapper label="Protocol" error={form.errors.protocol}>
          <div>
            <SegmentedControl aria-label="Protocol" data={PROTOCOLS} {...form.getInputProps('protocol')} />
          </div>
        </Input.Wrapper>
        <Divider label="Advanced settings" labelPosition="left" />
        <Switch
          label="Push proxy"
          aria-label="Push proxy"
          description="Use a proxy for push notifications, which wake the app on incoming calls."
          {...form.getInputProps('pushProxy', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Auth username" description="Only if your provider asks for one." {...form.getInputProps('authUsername')} />
          <TextInput label="Display name" description="Shown to the called party, e.g. on internal calls." {...form.getInputProps('displayName')} />
        </SimpleGrid>
        <DialingRulesEditor form={form} />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
