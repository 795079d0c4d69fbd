import { Code, Group, Paper, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { applyDialingRules, EXAMPLE_NUMBER } from './dialingRules';
import { type SipAccountValues, toRules } from './sipAccountForm';

/** Try the rules on a number as they are typed: "0174448746 → 14448746". */
export function DialingRulePreview({ form }: { form: UseFormReturnType<SipAccountValues> }) {
  const [number, setNumber] = useState(EXAMPLE_NUMBER);
  const { result, index } = applyDialingRules(number, toRules(form.getValues().dialingRules));

  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Try a number"
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value.replace(/[^\d+]/g, ''))}
          w={180}
          size="xs"
        />
        <div role="status" aria-live="polite" aria-label="Dialing rule preview">
          <Text size="sm">
            <Code fz="sm">{number || '—'}</Code> → <Code fz="sm" color={index >= 0 ? 'teal.1' : undefined}>{result || '—'}</Code>
          </Text>
          <Text size="xs" c="dimmed">
            {index >= 0 ? `Rule ${index + 1} applies.` : 'No rule applies: the number is dialled as it is.'}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
