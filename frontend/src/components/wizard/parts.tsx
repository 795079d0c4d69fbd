/** Small pieces every wizard step uses: its introduction and the pick/add switch. */
import { SegmentedControl, Text } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { type WizardValues } from './values';

export function StepIntro({ children }: { children: string }) {
  return (
    <Text c="dimmed" size="sm" maw={720}>
      {children}
    </Text>
  );
}

export function ModeSwitch({ form, field, withNone, label }: { form: UseFormReturnType<WizardValues>; field: 'internalMode' | 'phoneMode' | 'tabMode'; withNone?: boolean; label: string }) {
  const data = [
    { value: 'pick', label: 'Pick existing' },
    { value: 'add', label: 'Add new' },
    ...(withNone ? [{ value: 'none', label: 'No internal number' }] : []),
  ];
  return (
    <SegmentedControl
      aria-label={label}
      data={data}
      value={form.getValues()[field]}
      onChange={(value) => form.setFieldValue(field, value as WizardValues[typeof field])}
      w="fit-content"
    />
  );
}
