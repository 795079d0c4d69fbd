import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { Override } from '../../nodes/routerTypes';
import { overrideHolds } from '../../nodes/routerTypes';

/** "2026-12-07T18:00" (local input) <-> ISO with zone. */
const toInput = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

interface OverrideEditorProps {
  value: Override | null;
  onChange: (value: Override | null) => void;
}

/** Force a Time Router open or closed until a time, whatever its schedule says (a snow day). */
export function OverrideEditor({ value, onChange }: OverrideEditorProps) {
  const mode = value?.mode ?? 'schedule';
  const until = value ? toInput(value.until) : '';
  const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Manual override
      </Text>
      <SegmentedControl
        size="xs"
        aria-label="Manual override"
        value={mode}
        onChange={(next) => onChange(next === 'schedule' ? null : { mode: next as Override['mode'], until: value?.until ?? tomorrow() })}
        data={[
          { value: 'schedule', label: 'Follow schedule' },
          { value: 'open', label: 'Force open' },
          { value: 'closed', label: 'Force closed' },
        ]}
      />
      {value && (
        <Group gap="xs" align="flex-end">
          <TextInput
            label="Until"
            type="datetime-local"
            size="xs"
            value={until}
            onChange={(e) => e.currentTarget.value && onChange({ ...value, until: new Date(e.currentTarget.value).toISOString() })}
            description={overrideHolds(value) ? 'In force now (your browser’s time).' : 'Already over: the schedule decides.'}
          />
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            Clear
          </Button>
        </Group>
      )}
    </Stack>
  );
}
