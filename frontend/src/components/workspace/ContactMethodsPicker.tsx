import { MultiSelect } from '@mantine/core';
import { useContactMethodOptions } from './ContactMethodPicker';

interface Props {
  label: string;
  value: number[];
  onChange: (value: number[]) => void;
  /** Left out of the choices (the one who answers cannot decline too). */
  exclude?: number | null;
  size?: 'xs' | 'sm';
  placeholder?: string;
}

/** Choose any number of the account's contact methods, named by their contact. */
export function ContactMethodsPicker({ label, value, onChange, exclude, size, placeholder }: Props) {
  const { data, loading } = useContactMethodOptions();
  const choices = exclude == null ? data : data.filter((option) => option.value !== String(exclude));
  return (
    <MultiSelect
      label={label}
      placeholder={loading ? 'Loading contacts…' : value.length ? undefined : placeholder}
      size={size}
      data={choices}
      value={value.map(String)}
      onChange={(next) => onChange(next.map(Number))}
      searchable
      clearable
      nothingFoundMessage="No contact method matches"
    />
  );
}
