import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { numberLabel, useNumbers } from '../../api/numbers';
import { type ContactValues, newNumber } from './contactForm';

const TYPES = [
  { value: 'landline', label: 'Landline' },
  { value: 'mobile', label: 'Mobile' },
  { value: 'internal', label: 'Internal' },
];

/** Rows of type + number (E.164) or internal number: the contact's directory numbers. */
export function ContactNumbersField({ form }: { form: UseFormReturnType<ContactValues> }) {
  const internal = useNumbers('internal');
  const internalOptions = (internal.data?.items ?? []).map((item) => ({ value: String(item.id), label: numberLabel(item) }));
  const numbers = form.getValues().numbers;

  return (
    <Stack gap="xs">
      <div>
        <Text fw={500} size="sm">
          Contact numbers
        </Text>
        <Text c="dimmed" size="xs">
          Optional. Shown in the company directory; landline and mobile in international format.
        </Text>
      </div>
      {numbers.map((item, index) => (
        <Group key={form.key(`numbers.${index}`)} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            aria-label={`Number type, row ${index + 1}`}
            data={TYPES}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`numbers.${index}.type`)}
          />
          {item.type === 'internal' ? (
            <Select
              aria-label={`Internal number, row ${index + 1}`}
              placeholder={internalOptions.length ? 'Choose an internal number' : 'No internal numbers yet'}
              data={internalOptions}
              searchable
              nothingFoundMessage="No internal number matches"
              style={{ flex: 1 }}
              {...form.getInputProps(`numbers.${index}.internalNumberId`)}
            />
          ) : (
            <TextInput
              aria-label={`Number, row ${index + 1}`}
              placeholder="+1 415 555 0100"
              style={{ flex: 1 }}
              {...form.getInputProps(`numbers.${index}.number`)}
            />
          )}
          <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove number ${index + 1}`} onClick={() => form.removeListItem('numbers', index)}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {form.errors.numbers && (
        <Text c="red" size="xs" role="alert">
          {form.errors.numbers}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('numbers', newNumber())}>
          Add number
        </Button>
      </Group>
    </Stack>
  );
}
