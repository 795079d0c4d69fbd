/** Step 2: the internal number, picked from the inventory, added, or none. */
import { Alert, Group, Select, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ModeSwitch, StepIntro } from './parts';
import { type StepProps, available, numberData } from './values';

export function InternalStep({ form, options }: StepProps) {
  const mode = form.getValues().internalMode;
  const free = available(options.internalNumbers).length;
  return (
    <>
      <StepIntro>
        The contact's extension: reachable internally, the main number in the company directory, and the caller ID on internal calls. Optional.
      </StepIntro>
      <ModeSwitch form={form} field="internalMode" withNone label="Internal number" />
      {mode === 'pick' && (
        <Select
          label="Internal number"
          placeholder={free ? 'Choose an internal number' : 'Every internal number is in use: add a new one'}
          data={numberData(options.internalNumbers)}
          searchable
          nothingFoundMessage="No internal number matches"
          maw={480}
          {...form.getInputProps('internalId')}
        />
      )}
      {mode === 'add' && (
        <Group align="flex-start" gap="md">
          <TextInput label="New internal number" placeholder="e.g. 101" required w={200} {...form.getInputProps('internalNumber')} />
          <TextInput label="Label" placeholder="Defaults to the contact's name" w={280} {...form.getInputProps('internalLabel')} />
        </Group>
      )}
      {mode === 'none' && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} maw={720}>
          The contact is reached on the phone number only and makes internal calls without an internal caller ID.
        </Alert>
      )}
    </>
  );
}
