import { NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { FieldSpec } from './propertyFields';
import { ReferencePicker } from './ReferencePicker';

interface PropertyFieldsProps {
  fields: FieldSpec[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (key: string, value: unknown) => void;
}

/** The generated inputs of an object type's properties. */
export function PropertyFields({ fields, values, errors, onChange }: PropertyFieldsProps) {
  return (
    <Stack gap="sm">
      {fields.map((field) => {
        const value = values[field.key];
        const common = { label: field.label, description: field.description, error: errors[field.key] };
        switch (field.kind) {
          case 'reference':
            return <ReferencePicker key={field.key} kind={field.ref} {...common} value={typeof value === 'number' ? value : null} onChange={(next) => onChange(field.key, next)} />;
          case 'choice':
            return <Select key={field.key} {...common} data={field.options} value={value === undefined || value === null ? null : String(value)} onChange={(next) => onChange(field.key, next)} allowDeselect={false} />;
          case 'number':
            return <NumberInput key={field.key} {...common} min={field.min} max={field.max} value={typeof value === 'number' ? value : ''} onChange={(next) => onChange(field.key, typeof next === 'number' ? next : null)} />;
          case 'switch':
            return <Switch key={field.key} label={field.label} description={field.description} checked={Boolean(value)} onChange={(event) => onChange(field.key, event.currentTarget.checked)} />;
          default:
            return <TextInput key={field.key} {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(field.key, event.currentTarget.value)} />;
        }
      })}
    </Stack>
  );
}
