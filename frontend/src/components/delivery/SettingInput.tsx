import { NumberInput, PasswordInput, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SettingField } from './deliveryFields';
import type { DeliveryValues } from './deliveryForm';

interface SettingInputProps {
  form: UseFormReturnType<DeliveryValues>;
  field: SettingField;
  /** A secret already stored for this field. */
  stored: boolean;
}

/** One setting of a delivery method, drawn by its kind; secrets are write-only. */
export function SettingInput({ form, field, stored }: SettingInputProps) {
  const path = `settings.${field.key}`;
  const common = { label: field.label, placeholder: field.placeholder, description: field.description };

  if (field.secret) {
    const hint = stored ? `${field.label} set — leave empty to keep` : field.description;
    const required = field.required && !stored;
    return field.kind === 'textarea' ? (
      <Textarea {...common} description={hint} required={required} autosize minRows={3} maxRows={8} ff="monospace" {...form.getInputProps(path)} />
    ) : (
      <PasswordInput {...common} description={hint} required={required} autoComplete="new-password" {...form.getInputProps(path)} />
    );
  }
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} allowDecimal={false} allowNegative={false} hideControls min={1} max={65535} {...form.getInputProps(path)} />;
    case 'switch':
      return <Switch label={field.label} description={field.description} {...form.getInputProps(path, { type: 'checkbox' })} />;
    case 'emails':
      return <TagsInput {...common} required={field.required} clearable splitChars={[',', ' ', ';']} {...form.getInputProps(path)} />;
    case 'textarea':
      return <Textarea {...common} required={field.required} autosize minRows={2} maxRows={6} {...form.getInputProps(path)} />;
    default:
      return <TextInput {...common} required={field.required} {...form.getInputProps(path)} />;
  }
}
