import { Anchor, Checkbox, Group, Select, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CallCenterSettings } from '../../api/callCenter';
import { DELIVERY_TYPE_LABELS, useDeliveryMethods } from '../../api/deliveryMethods';
import { DeliveryMethodModal } from '../delivery/DeliveryMethodForm';
import type { CallCenterValues } from './callCenterForm';

/** The dropdown's last entry: add a delivery method here, without leaving the form (the guide). */
const ADD = 'add';

const DIRECTIONS = [
  { key: 'inbound', label: 'Inbound calls' },
  { key: 'outbound', label: 'Outbound calls' },
  { key: 'internal', label: 'Internal calls' },
  { key: 'external', label: 'External calls' },
] as const;

/** Recording: off by default; which calls, record on demand, and where the files go. */
export function RecordingFields({ form, settings }: { form: UseFormReturnType<CallCenterValues>; settings: CallCenterSettings }) {
  const methods = useDeliveryMethods();
  const [adding, setAdding] = useState(false);
  const options = (methods.data?.items ?? []).map((method) => ({
    value: String(method.id),
    label: `${method.name} (${DELIVERY_TYPE_LABELS[method.type] ?? method.type})`,
  }));
  const delivery = form.getInputProps('recording.deliveryMethodId');
  const enabled = form.getValues().recording.enabled;
  // The server names one of the four boxes; the message is about the group, so it goes under it.
  const groupError = DIRECTIONS.map(({ key }) => form.errors[`recording.${key}`]).find(Boolean);
  const checkbox = (key: (typeof DIRECTIONS)[number]['key']) => {
    const { error: _error, ...props } = form.getInputProps(`recording.${key}`, { type: 'checkbox' });
    return props;
  };
  const code = settings.recording.onDemandCode;

  return (
    <Stack gap="sm">
      <Switch label="Call recording" aria-label="Call recording" description="Record this contact's calls and deliver the files." {...form.getInputProps('recording.enabled', { type: 'checkbox' })} />
      <Stack gap={6} pl={{ base: 0, sm: 'xl' }}>
        <Group gap="lg" role="group" aria-label="Calls to record">
          {DIRECTIONS.map(({ key, label }) => (
            <Checkbox key={key} label={label} disabled={!enabled} error={Boolean(groupError)} {...checkbox(key)} />
          ))}
        </Group>
        {groupError && (
          <Text c="red" size="xs" role="alert">
            {groupError}
          </Text>
        )}
      </Stack>
      <Switch
        pl={{ base: 0, sm: 'xl' }}
        label="Record on demand"
        aria-label="Record on demand"
        disabled={!enabled}
        description={
          code ? (
            `Users dial ${code} during a call to record it.`
          ) : (
            <>
              Needs a record-on-demand feature code: add one in{' '}
              <Anchor component={Link} to="/settings#feature-codes" size="xs">
                Settings
              </Anchor>
              .
            </>
          )
        }
        {...form.getInputProps('recording.onDemand', { type: 'checkbox' })}
      />
      <Select
        pl={{ base: 0, sm: 'xl' }}
        maw={480}
        label="Delivery method"
        placeholder={options.length ? 'Choose where recordings go' : 'No delivery methods yet'}
        required={enabled}
        disabled={!enabled}
        data={[...options, { value: ADD, label: '+ Add delivery method' }]}
        clearable
        {...delivery}
        onChange={(value) => (value === ADD ? setAdding(true) : delivery.onChange(value))}
      />
      {/* The modal's form is a portal inside this one in React's tree: its submit must not
          bubble up and save the call.center settings too. */}
      <div onSubmit={(event) => event.stopPropagation()}>
        <DeliveryMethodModal
          opened={adding}
          method={null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => form.setFieldValue('recording.deliveryMethodId', String(saved.id))}
        />
      </div>
      {enabled && methods.isSuccess && options.length === 0 && (
        <Text size="xs" c="dimmed" pl={{ base: 0, sm: 'xl' }}>
          Add a delivery method (Email, FTP, SFTP, Dropbox, Google Drive or OneDrive) in{' '}
          <Anchor component={Link} to="/settings#delivery-methods" size="xs">
            Settings
          </Anchor>{' '}
          first.
        </Text>
      )}
    </Stack>
  );
}
