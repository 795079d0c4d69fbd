import { Select } from '@mantine/core';
import { numberLabel, useNumbers } from '../../api/numbers';
import type { PickerProps } from './ReferencePicker';

/** Choose a phone number or an internal number of the inventory. */
export function NumberPicker({ kind, label, description, value, error, onChange }: PickerProps & { kind: 'phone' | 'internal' }) {
  const numbers = useNumbers(kind);
  const data = (numbers.data?.items ?? []).map((n) => ({ value: String(n.id), label: numberLabel(n) }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={numbers.isPending ? 'Loading numbers…' : data.length ? 'Choose a number' : 'No numbers yet: add them under Numbers'}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      searchable
      clearable
      nothingFoundMessage="No number matches"
      error={error}
    />
  );
}
