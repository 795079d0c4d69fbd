import { Button, Divider, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useAudioFiles } from '../../api/audioFiles';
import { type CallCenterSettings, callCenterApi } from '../../api/callCenter';
import { useApiMutation } from '../../api/hooks';
import { numberLabel, useNumbers } from '../../api/numbers';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';
import { useConfirmLeave } from '../common/useConfirmLeave';
import { notifyWarnings } from '../common/publishToast';
import { type CallCenterValues, toChanges, toValues, validate } from './callCenterForm';
import { RecordingFields } from './RecordingFields';

function Heading({ children }: { children: string }) {
  return (
    <Text fw={600} size="sm">
      {children}
    </Text>
  );
}

/** The save toast: settings take effect on save (no publish needed), on every activated device. */
export function liveOn(devices: number, contactName: string): string {
  if (devices === 0) return `Live now. ${contactName} has no activated device yet.`;
  return `Live on ${devices} device${devices === 1 ? '' : 's'} of ${contactName}: no publish needed.`;
}

/** The call.center method's settings; remounted (by key) whenever a new version is loaded. */
export function CallCenterForm({ contactId, contactName, settings }: { contactId: number; contactName: string; settings: CallCenterSettings }) {
  const queryClient = useQueryClient();
  const internal = useNumbers('internal');
  const phone = useNumbers('phone');
  const audio = useAudioFiles();
  const toOptions = (items: { id: number; number: string; label: string }[] = []) => items.map((item) => ({ value: String(item.id), label: numberLabel(item) }));
  const audioOptions = (audio.data?.items ?? []).map((file) => ({ value: String(file.id), label: file.name }));
  const refetch = [queryKeys.callCenter(contactId), queryKeys.contact(contactId)];

  const form = useForm<CallCenterValues>({ initialValues: toValues(settings), validate });
  const save = useApiMutation((values: CallCenterValues) => callCenterApi.update(contactId, settings.version, toChanges(settings, values)), [
    queryKeys.contact(contactId),
    queryKeys.contacts,
  ]);
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        queryClient.setQueryData(queryKeys.callCenter(contactId), saved);
        notifySaved('call.center settings saved', liveOn(saved.liveDevices, contactName));
        notifyWarnings('Publishing will report a problem', saved.warnings);
      },
      onError: (error) => reportError(error, { title: 'call.center settings not saved', refetch, form }),
    }),
  );
  const outbound = form.getValues().outboundCalling;
  const leave = useConfirmLeave(form.isDirty());

  return (
    <form onSubmit={submit} noValidate aria-label="call.center settings">
      {leave.dialog}
      <Stack gap="lg">
        <Heading>Caller ID</Heading>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Caller ID name" placeholder={contactName} description="Empty: the contact's name." {...form.getInputProps('callerIdName')} />
          <Select label="Internal caller ID" description="Shown on calls to other extensions." placeholder="None" data={toOptions(internal.data?.items)} clearable searchable {...form.getInputProps('internalCallerId')} />
        </SimpleGrid>
        <Divider />
        <Heading>Outbound calling</Heading>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Switch label="Outbound calling" aria-label="Outbound calling" description="Let this contact's devices call external numbers." {...form.getInputProps('outboundCalling', { type: 'checkbox' })} />
          <Select label="External caller ID" description="The phone number shown on outbound calls." placeholder="Choose a phone number" required={outbound} data={toOptions(phone.data?.items)} clearable searchable {...form.getInputProps('externalCallerId')} />
        </SimpleGrid>
        <Divider />
        <Heading>Recording</Heading>
        <RecordingFields form={form} settings={settings} />
        <Divider />
        <Heading>Outbound call announcements</Heading>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Internal announcement" description="Played to the called party on internal calls." placeholder="No announcement" data={audioOptions} clearable {...form.getInputProps('announcements.internalAudioId')} />
          <Select label="External announcement" description="Played to the called party on external calls." placeholder="No announcement" data={audioOptions} clearable {...form.getInputProps('announcements.externalAudioId')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save call.center settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
