import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { LineState } from '../engine';
import { usePhone } from '../phoneStore';

const LABEL: Record<LineState, [string, string]> = {
  connecting: ['Connecting', 'yellow'],
  registered: ['Registered', 'teal'],
  unregistered: ['Unregistered', 'gray'],
  failed: ['Failed', 'red'],
  no_password: ['No password', 'gray'],
};

/** Registration state per line of the device. */
export function LinesList() {
  const lines = usePhone((s) => s.lines);
  if (lines.length === 0) return <Text size="sm" c="dimmed">This device has no SIP lines.</Text>;
  return (
    <Stack gap={4} aria-label="Lines" role="list">
      {lines.map((line) => {
        const [label, color] = LABEL[line.state];
        return (
          <Group key={line.id} justify="space-between" role="listitem" aria-label={`Line ${line.username}: ${label}`} wrap="nowrap">
            <Text size="sm" ff="monospace">
              Line {line.username}
            </Text>
            <Tooltip label={line.detail} disabled={!line.detail} withArrow>
              <Badge size="sm" variant="light" color={color} radius="sm">
                {label}
              </Badge>
            </Tooltip>
          </Group>
        );
      })}
    </Stack>
  );
}
