import { Anchor, Select } from '@mantine/core';
import { Link } from 'react-router';
import { useSchedules } from '../../api/schedules';
import type { PickerProps } from './ReferencePicker';

/** Choose one of the account's schedules (made on the Schedules page). */
export function SchedulePicker({ label, description, value, error, onChange, size, placeholder }: PickerProps) {
  const schedules = useSchedules();
  const data = (schedules.data?.items ?? []).map((s) => ({ value: String(s.id), label: `${s.name} (${s.timeZone})` }));
  return (
    <Select
      label={label}
      description={
        description ?? (
          <>
            Opening hours and holidays, shared by routers; edit them on the{' '}
            <Anchor component={Link} to="/schedules" size="xs">
              Schedules page
            </Anchor>
            .
          </>
        )
      }
      data={data}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      error={error}
      size={size}
      placeholder={placeholder ?? (data.length ? 'Choose a schedule' : 'No schedules yet')}
      searchable
      clearable
      nothingFoundMessage="No schedule by that name"
    />
  );
}
