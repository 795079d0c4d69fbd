import { Divider, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { useAccountSettings } from '../../api/account';
import { type Schedule, type ScheduleInput, schedulesApi, timeZones } from '../../api/schedules';
import { changedFields } from '../common/changes';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';
import { notifyNeedsPublish } from '../common/publishToast';
import { HolidayListEditor } from './HolidayListEditor';
import { WeekGridEditor } from './WeekGridEditor';

const REFETCH = [queryKeys.schedules];

/** The first message under a list field ("intervals.0.to" -> intervals). */
const listError = (errors: Record<string, unknown>, key: string): string | undefined =>
  Object.entries(errors).find(([path]) => path === key || path.startsWith(`${key}.`))?.[1] as string | undefined;

/** `defaultZone`: a new schedule's zone, the account's (Settings -> Account). */
function ScheduleForm({ schedule, defaultZone, onDone }: { schedule?: Schedule; defaultZone: string; onDone: () => void }) {
  const initial: ScheduleInput = {
    name: schedule?.name ?? '',
    timeZone: schedule?.timeZone ?? defaultZone,
    intervals: schedule?.intervals ?? [0, 1, 2, 3, 4].map((day) => ({ day, from: '09:00', to: '17:00' })),
    holidays: schedule?.holidays ?? [],
  };
  const zones = useMemo(timeZones, []);
  const form = useForm<ScheduleInput>({
    initialValues: initial,
    validate: { name: (value) => (value.trim() ? null : 'Enter a name') },
  });
  const save = useApiMutation((values: ScheduleInput) => (schedule ? schedulesApi.update(schedule, changedFields(initial, values)) : schedulesApi.create(values)), REFETCH);
  const submit = form.onSubmit((values) =>
    save.mutate(
      { ...values, name: values.name.trim() },
      {
        onSuccess: (saved) => {
          // A schedule is compiled into the plan: routers using it follow on the next publish.
          if (schedule?.usedBy.length) notifyNeedsPublish('Schedule saved', `${saved.name}: its Time Routers follow the new hours once published.`);
          else notifySaved(schedule ? 'Schedule saved' : 'Schedule added', saved.name);
          onDone();
        },
        onError: (error) => {
          if (reportError(error, { title: 'Schedule not saved', refetch: REFETCH, form }) === 'stale') onDone();
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Name" placeholder="Office hours" required data-autofocus maxLength={100} {...form.getInputProps('name')} />
        <Select label="Time zone" description="Opening hours are wall-clock time here." data={zones} searchable allowDeselect={false} {...form.getInputProps('timeZone')} />
        <Divider label="Opening hours" labelPosition="left" />
        <WeekGridEditor intervals={form.values.intervals} onChange={(v) => form.setFieldValue('intervals', v)} error={listError(form.errors, 'intervals')} />
        <Divider label="Holidays" labelPosition="left" />
        <HolidayListEditor holidays={form.values.holidays} onChange={(v) => form.setFieldValue('holidays', v)} error={listError(form.errors, 'holidays')} />
        {schedule && schedule.usedBy.length > 0 && (
          <Text size="xs" c="dimmed">
            Used by {schedule.usedBy.map((u) => u.name).join(', ')}; they follow this change when you next publish.
          </Text>
        )}
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

export function ScheduleModal({ opened, schedule, onClose }: { opened: boolean; schedule: Schedule | null; onClose: () => void }) {
  const account = useAccountSettings();
  // Wait for the account's zone so a new schedule starts in it (UTC if it cannot be read).
  const ready = opened && !account.isPending;
  return (
    <Modal opened={opened} onClose={onClose} title={schedule ? `Edit ${schedule.name}` : 'Add schedule'} size="xl">
      {ready && <ScheduleForm key={schedule?.id ?? 'new'} schedule={schedule ?? undefined} defaultZone={account.data?.timeZone ?? 'UTC'} onDone={onClose} />}
    </Modal>
  );
}
