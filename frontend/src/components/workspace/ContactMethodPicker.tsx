import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useContactMethodIndex } from '../../canvas/lookups';
import type { PickerProps } from './ReferencePicker';

/** The account's contact methods as picker options, named by their contact, sorted. */
export function useContactMethodOptions() {
  const { methods, loading } = useContactMethodIndex();
  const data = useMemo(
    () =>
      [...methods.values()]
        .sort((a, b) => a.contactName.localeCompare(b.contactName) || a.label.localeCompare(b.label))
        .map((m) => ({ value: String(m.id), label: `${m.contactName} · ${m.label}` })),
    [methods],
  );
  return { data, loading };
}

/** Choose one of the account's contact methods, named by its contact. */
export function ContactMethodPicker({ label, description, value, error, onChange, size, placeholder }: PickerProps) {
  const { data, loading } = useContactMethodOptions();
  return (
    <Select
      label={label}
      description={description}
      placeholder={loading ? 'Loading contacts…' : data.length ? (placeholder ?? 'Choose a contact method') : 'No contacts yet: add them under Contacts'}
      size={size}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      searchable
      clearable
      nothingFoundMessage="No contact method matches"
      error={error}
    />
  );
}
