import { Divider, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../../api/hooks';
import { DEFAULT_SIP_PORT, type Provider, type ProviderInput, providersApi } from '../../api/providers';
import { queryKeys } from '../../api/queryKeys';
import { changedFields, orNull } from '../common/changes';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

interface Values {
  name: string;
  server: string;
  port: number | string;
  proxy: string;
}

const toValues = (provider?: Provider): Values => ({
  name: provider?.name ?? '',
  server: provider?.server ?? '',
  port: provider?.port ?? '',
  proxy: provider?.proxy ?? '',
});

const toInput = (values: Values): ProviderInput => ({
  name: values.name.trim(),
  server: values.server.trim(),
  port: values.port === '' ? null : Number(values.port),
  proxy: orNull(values.proxy),
});

/** Add or edit a service provider: the guide's Basic and Advanced settings. */
export function ProviderForm({ provider, onDone }: { provider?: Provider; onDone: () => void }) {
  const refetch = [queryKeys.providers, queryKeys.sipAccounts];
  const form = useForm<Values>({
    initialValues: toValues(provider),
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name for the provider'),
      server: (value) => (value.trim() ? null : 'Enter the SIP server, e.g. sip.example.com'),
    },
  });
  const save = useApiMutation(
    (values: Values) =>
      provider
        ? providersApi.update(provider, changedFields(toInput(toValues(provider)), toInput(values)))
        : providersApi.create(toInput(values)),
    refetch,
  );

  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        notifySaved(provider ? 'Service provider saved' : 'Service provider added', `“${saved.name}” is ready for SIP accounts.`);
        onDone();
      },
      onError: (error) => {
        if (reportError(error, { title: 'Service provider not saved', refetch, form }) === 'stale') onDone();
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600} size="sm">
          Basic settings
        </Text>
        <TextInput label="Service provider name" placeholder="e.g. Acme Telecom" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="SIP server"
          placeholder="sip.example.com"
          description={provider?.builtin ? 'The server of the built-in provider is fixed.' : 'The SIP host domain address.'}
          required
          disabled={provider?.builtin}
          {...form.getInputProps('server')}
        />
        <NumberInput
          label="SIP port"
          placeholder={String(DEFAULT_SIP_PORT)}
          description={`Leave empty for the default port ${DEFAULT_SIP_PORT}.`}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          min={1}
          max={65535}
          {...form.getInputProps('port')}
        />
        <Divider label="Advanced settings" labelPosition="left" />
        <TextInput
          label="SIP proxy address"
          placeholder="proxy.example.com:5060"
          description="Optional. Some providers need it for outbound traffic."
          {...form.getInputProps('proxy')}
        />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}
