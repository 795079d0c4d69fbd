/** Step 3: the phone number that will ring the contact, and outbound calling. */
import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { ModeSwitch, StepIntro } from './parts';
import { type StepProps, available, numberData } from './values';

export function PhoneStep({ form, options }: StepProps) {
  const mode = form.getValues().phoneMode;
  const free = available(options.phoneNumbers).length;
  return (
    <>
      <StepIntro>
        The DID for external inbound calls. It is shown in the company directory and can be the caller ID for outbound calls.
      </StepIntro>
      <ModeSwitch form={form} field="phoneMode" label="Phone number" />
      {mode === 'pick' ? (
        <Select
          label="Phone number"
          placeholder={free ? 'Choose a phone number' : 'Every phone number is on the workspace: add a new one'}
          data={numberData(options.phoneNumbers)}
          searchable
          nothingFoundMessage="No phone number matches"
          maw={480}
          {...form.getInputProps('phoneId')}
        />
      ) : (
        <Group align="flex-start" gap="md">
          <TextInput label="New phone number" placeholder="+1 415 555 0100" description="International format" required w={240} {...form.getInputProps('phoneNumber')} />
          <TextInput label="Label" placeholder="Defaults to the contact's name" description="Optional" w={280} {...form.getInputProps('phoneLabel')} />
        </Group>
      )}
      <Checkbox
        label="Allow outbound calls, showing this number as the caller ID"
        {...form.getInputProps('outboundCalling', { type: 'checkbox' })}
      />
    </>
  );
}
