import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { SipAccountValues } from './sipAccountForm';
import { DialingRulePreview } from './DialingRulePreview';

/** Rows of Start with / Replace with / Min length, in the order they are tried. */
export function DialingRulesEditor({ form }: { form: UseFormReturnType<SipAccountValues> }) {
  const rules = form.getValues().dialingRules;
  const add = () => form.insertListItem('dialingRules', { startWith: '', replaceWith: '', minLength: '' });

  return (
    <Stack gap="xs">
      <div>
        <Text fw={500} size="sm">
          Dialing rules
        </Text>
        <Text c="dimmed" size="xs">
          Rewrite the start of dialled numbers before calling. The first matching rule applies.
        </Text>
      </div>
      {rules.map((_, index) => (
        <Group key={form.key(`dialingRules.${index}`)} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={index === 0 ? 'Start with' : undefined}
            aria-label={`Start with, rule ${index + 1}`}
            placeholder="017"
            style={{ flex: 1 }}
            {...form.getInputProps(`dialingRules.${index}.startWith`)}
          />
          <TextInput
            label={index === 0 ? 'Replace with' : undefined}
            aria-label={`Replace with, rule ${index + 1}`}
            placeholder="1"
            style={{ flex: 1 }}
            {...form.getInputProps(`dialingRules.${index}.replaceWith`)}
          />
          <NumberInput
            label={index === 0 ? 'Min length' : undefined}
            aria-label={`Min length, rule ${index + 1}`}
            placeholder="0"
            allowDecimal={false}
            allowNegative={false}
            min={0}
            max={32}
            w={110}
            {...form.getInputProps(`dialingRules.${index}.minLength`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={index === 0 ? 28 : 4}
            aria-label={`Remove rule ${index + 1}`}
            onClick={() => form.removeListItem('dialingRules', index)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between" align="center">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
          Add dialing rule
        </Button>
      </Group>
      {rules.length > 0 && <DialingRulePreview form={form} />}
    </Stack>
  );
}
