/** Step 4: the workspace tab for the call flow, and the contact's first device. */
import { Alert, Anchor, Divider, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MAX_SIP_ACCOUNTS } from '../../api/devices';
import { ModeSwitch, StepIntro } from './parts';
import { type StepProps } from './values';

export function TabDeviceStep({ form, options }: StepProps) {
  const tabMode = form.getValues().tabMode;
  const sipData = options.sipAccounts.map((sip) => ({
    value: String(sip.id),
    label: `${sip.friendlyName || sip.username} · ${sip.username} @ ${sip.providerName}`,
  }));
  return (
    <>
      <StepIntro>
        The workspace tab gets a Phone Number and an Internal Number object cabled to a Ring Group that rings the contact's call.center devices.
      </StepIntro>
      <ModeSwitch form={form} field="tabMode" label="Workspace tab" />
      {tabMode === 'pick' ? (
        <Select
          label="Workspace tab"
          placeholder={options.tabs.length ? 'Choose a tab' : 'No tabs yet: add one'}
          data={options.tabs.map((tab) => ({ value: String(tab.id), label: tab.name }))}
          maw={480}
          {...form.getInputProps('tabId')}
        />
      ) : (
        <TextInput label="New tab name" placeholder="e.g. Sales" required maw={480} {...form.getInputProps('tabName')} />
      )}
      <Divider label="call.center device" labelPosition="left" />
      <TextInput label="Device name" placeholder="e.g. Android Phone" required maw={480} {...form.getInputProps('deviceName')} />
      {options.sipAccounts.length === 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="No SIP accounts yet" maw={720}>
          A device needs at least one SIP account.{' '}
          <Anchor component={Link} to="/providers">
            Add one under Service Providers
          </Anchor>
          , then come back.
          {form.errors.sipAccountIds && (
            <Text c="red" size="sm" mt={4}>
              {form.errors.sipAccountIds}
            </Text>
          )}
        </Alert>
      ) : (
        <MultiSelect
          label="SIP accounts"
          description={`1 to ${MAX_SIP_ACCOUNTS}, in the order the app shows its lines`}
          placeholder="Choose SIP accounts"
          data={sipData}
          maxValues={MAX_SIP_ACCOUNTS}
          searchable
          required
          maw={560}
          {...form.getInputProps('sipAccountIds')}
        />
      )}
    </>
  );
}
