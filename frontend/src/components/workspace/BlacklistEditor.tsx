import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { BlacklistEntry } from '../../nodes/routerTypes';

const MATCHES = [
  { value: 'exact', label: 'Number' },
  { value: 'prefix', label: 'Starts with' },
];

/** "2026-12-31" <-> the end of that day in the browser's zone, as ISO. */
const dateOf = (iso: string | null): string => (iso ? new Date(iso).toLocaleDateString('sv-SE') : '');
const endOf = (day: string): string | null => (day ? new Date(`${day}T23:59:59`).toISOString() : null);

interface BlacklistEditorProps {
  entries: BlacklistEntry[];
  onChange: (entries: BlacklistEntry[]) => void;
}

/** The numbers and prefixes a Blacklist keeps out, each with an optional note and expiry. */
export function BlacklistEditor({ entries, onChange }: BlacklistEditorProps) {
  const set = (index: number, change: Partial<BlacklistEntry>) => onChange(entries.map((e, i) => (i === index ? { ...e, ...change } : e)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Blocked numbers
      </Text>
      <Text size="xs" c="dimmed">
        A listed caller leaves by Blocked; with nothing cabled there the call is rejected (403). An entry stops at the end of its expiry day.
      </Text>
      {entries.map((entry, index) => (
        <Paper key={index} withBorder p={6} role="group" aria-label={`Entry ${index + 1}`}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap={4} grow wrap="nowrap">
                <Select size="xs" aria-label={`Entry ${index + 1} matches`} data={MATCHES} value={entry.match} allowDeselect={false} onChange={(v) => set(index, { match: (v ?? 'exact') as BlacklistEntry['match'] })} />
                <TextInput size="xs" aria-label={`Entry ${index + 1} number`} placeholder="+19005550100" value={entry.number} onChange={(e) => set(index, { number: e.currentTarget.value.trim() })} />
              </Group>
              <Group gap={4} grow wrap="nowrap">
                <TextInput size="xs" aria-label={`Entry ${index + 1} note`} placeholder="Note" value={entry.note} maxLength={200} onChange={(e) => set(index, { note: e.currentTarget.value })} />
                <TextInput size="xs" type="date" aria-label={`Entry ${index + 1} expires`} value={dateOf(entry.expires)} onChange={(e) => set(index, { expires: endOf(e.currentTarget.value) })} />
              </Group>
            </Stack>
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove entry ${index + 1}`} onClick={() => onChange(entries.filter((_, i) => i !== index))}>
              <IconTrash size={14} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...entries, { match: 'exact', number: '', note: '', expires: null }])}>
          Add number
        </Button>
      </Group>
    </Stack>
  );
}
