import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ContactValues, newEmail } from './contactForm';

const LABELS = [
  { value: 'work', label: 'Work' },
  { value: 'home', label: 'Home' },
];

/** Rows of address + Work/Home label; at least one, where activation instructions go. */
export function ContactEmailsField({ form }: { form: UseFormReturnType<ContactValues> }) {
  const emails = form.getValues().emails;

  return (
    <Stack gap="xs">
      <div>
        <Text fw={500} size="sm">
          Emails{' '}
          <Text span c="red" aria-hidden>
            *
          </Text>
        </Text>
        <Text c="dimmed" size="xs">
          At least one. App download and activation instructions are sent here.
        </Text>
      </div>
      {emails.map((_, index) => (
        <Group key={form.key(`emails.${index}`)} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Email address, row ${index + 1}`}
            placeholder="name@example.com"
            type="email"
            required
            style={{ flex: 1 }}
            {...form.getInputProps(`emails.${index}.address`)}
          />
          <Select
            aria-label={`Email label, row ${index + 1}`}
            data={LABELS}
            allowDeselect={false}
            w={110}
            {...form.getInputProps(`emails.${index}.label`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={4}
            aria-label={`Remove email ${index + 1}`}
            disabled={emails.length === 1}
            onClick={() => form.removeListItem('emails', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {form.errors.emails && (
        <Text c="red" size="xs" role="alert">
          {form.errors.emails}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('emails', newEmail())}>
          Add email
        </Button>
      </Group>
    </Stack>
  );
}
