import { Alert, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { contactName, useAllContacts } from '../../api/contacts';
import { type Device, devicesApi } from '../../api/devices';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

const REFETCH = [queryKeys.devices, queryKeys.contacts, queryKeys.sipAccounts];

function MoveDeviceForm({ device, onDone }: { device: Device; onDone: () => void }) {
  const contacts = useAllContacts();
  const options = (contacts.data?.items ?? [])
    .filter((contact) => contact.id !== device.contact.id)
    .map((contact) => ({ value: String(contact.id), label: contact.company ? `${contactName(contact)} · ${contact.company}` : contactName(contact) }));
  const form = useForm({
    initialValues: { contactId: null as string | null },
    validate: { contactId: (value) => (value ? null : 'Choose the contact who gets this device') },
  });
  const move = useApiMutation((contactId: number) => devicesApi.move(device, contactId), REFETCH);
  const submit = form.onSubmit(({ contactId }) =>
    move.mutate(Number(contactId), {
      onSuccess: (moved) => {
        notifySaved('Device moved', `${moved.name} now belongs to ${moved.contact.name}.`);
        onDone();
      },
      onError: (error) => {
        if (reportError(error, { title: 'Device not moved', refetch: REFETCH, form }) === 'stale') onDone();
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Move <b>{device.name}</b> from {device.contact.name} to another contact. It keeps its SIP accounts and activation.
        </Text>
        <Select
          label="New contact"
          placeholder={contacts.isPending ? 'Loading contacts…' : 'Choose a contact'}
          data={options}
          searchable
          required
          nothingFoundMessage="No other contact matches"
          data-autofocus
          {...form.getInputProps('contactId')}
        />
        {contacts.isSuccess && options.length === 0 && (
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />}>
            There is no other contact yet. Add one on the Contacts page first.
          </Alert>
        )}
        <FormButtons onCancel={onDone} saving={move.isPending} />
      </Stack>
    </form>
  );
}

export function MoveDeviceModal({ device, onClose }: { device: Device | null; onClose: () => void }) {
  return (
    <Modal opened={device !== null} onClose={onClose} title="Move device">
      {device && <MoveDeviceForm key={device.id} device={device} onDone={onClose} />}
    </Modal>
  );
}
