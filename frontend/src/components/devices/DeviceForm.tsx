import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { type Device, devicesApi } from '../../api/devices';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { changedFields } from '../common/changes';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';
import { SipAccountRows } from './SipAccountRows';

export interface DeviceValues {
  name: string;
  /** Select values; null while a row is not chosen yet. */
  sipAccountIds: (string | null)[];
}

const REFETCH = [queryKeys.devices, queryKeys.sipAccounts, queryKeys.contacts];

const toValues = (device?: Device): DeviceValues => ({
  name: device?.name ?? '',
  sipAccountIds: device ? device.sipAccounts.map((account) => String(account.id)) : [null],
});
const toInput = (values: DeviceValues) => ({ name: values.name.trim(), sipAccountIds: values.sipAccountIds.map(Number) });

interface DeviceFormProps {
  contactId: number;
  device?: Device;
  onDone: () => void;
}

function DeviceForm({ contactId, device, onDone }: DeviceFormProps) {
  const navigate = useNavigate();
  const form = useForm<DeviceValues>({
    initialValues: toValues(device),
    validate: {
      name: (value) => (value.trim() ? null : 'Give the device a name, e.g. Android phone'),
      sipAccountIds: (value) => (value.length === 0 ? 'Add at least one SIP account' : null),
    },
  });
  const save = useApiMutation(
    (values: DeviceValues) =>
      device ? devicesApi.update(device, changedFields(toInput(toValues(device)), toInput(values))) : devicesApi.create({ contactId, ...toInput(values) }),
    REFETCH,
  );
  const submit = form.onSubmit((values) => {
    const empty = values.sipAccountIds.findIndex((id) => !id);
    if (empty >= 0) {
      form.setFieldError(`sipAccountIds.${empty}`, 'Choose a SIP account, or remove this row');
      return;
    }
    save.mutate(values, {
      onSuccess: (saved) => {
        notifySaved(
          device ? 'Saved' : 'Device added',
          // Lines take effect on save: an activated device gets them at once, no publish needed.
          device ? (saved.activatedAt ? `Live on ${saved.name} now.` : `${saved.name}: live once it is activated.`) : `${saved.name} can now be activated.`,
        );
        onDone();
        // As the guide says: once a device is added, its activation instructions open.
        if (!device) void navigate(`/devices/${saved.id}/activation`);
      },
      onError: (error) => {
        if (reportError(error, { title: 'Device not saved', refetch: REFETCH, form }) === 'stale') onDone();
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Device name" placeholder="e.g. Android phone" required data-autofocus {...form.getInputProps('name')} />
        <SipAccountRows form={form} />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

/** Add a device to a contact (`device` null) or edit one. */
export function DeviceModal({ opened, contactId, device, onClose }: { opened: boolean; contactId: number; device: Device | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={device ? `Edit device ${device.name}` : 'Add device'} size="lg">
      {opened && <DeviceForm key={device?.id ?? 'new'} contactId={contactId} device={device ?? undefined} onDone={onClose} />}
    </Modal>
  );
}
