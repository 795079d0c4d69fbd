import { ActionIcon, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPhoneCall, IconPhoneIncoming, IconPhoneOutgoing, IconPhoneX } from '@tabler/icons-react';
import { formatDuration } from '../callState';
import type { HistoryEntry } from '../history';
import { phone, usePhone } from '../phoneStore';

const OUTCOME: Record<HistoryEntry['outcome'], string> = {
  answered: 'Answered',
  hung_up: 'Answered',
  remote_hung_up: 'Answered',
  declined: 'Declined',
  missed: 'Missed',
  cancelled: 'Cancelled',
  busy: 'Busy',
  failed: 'Failed',
};

function Icon({ entry }: { entry: HistoryEntry }) {
  if (entry.outcome !== 'answered') return <IconPhoneX size={18} color="var(--mantine-color-red-6)" aria-hidden />;
  if (entry.direction === 'incoming') return <IconPhoneIncoming size={18} color="var(--mantine-color-teal-6)" aria-hidden />;
  return <IconPhoneOutgoing size={18} color="var(--mantine-color-blue-6)" aria-hidden />;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Today's calls by their time, older ones by their day: short enough for the narrow panel. */
function when(at: number): string {
  return new Date(at).toDateString() === new Date().toDateString() ? clock.format(at) : day.format(at);
}

/** The calls of this browser, newest first; a click calls back. */
export function HistoryList() {
  const history = usePhone((s) => s.history);
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="lg">
        No calls yet on this browser.
      </Text>
    );
  }
  // A plain scroller: ScrollArea's content box grows to its widest row and pushed the times out.
  return (
    <Box mah={320} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
      <Stack gap={2} role="list" aria-label="Call history">
        {history.map((entry) => {
          const outcome = OUTCOME[entry.outcome];
          const who = entry.name ?? entry.number;
          return (
            <Group
              key={entry.id}
              role="listitem"
              aria-label={`${entry.direction === 'incoming' ? 'From' : 'To'} ${who}, ${outcome}`}
              wrap="nowrap"
              gap="sm"
              py={6}
              px={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Icon entry={entry} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {who}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {entry.name ? `${entry.number} · ` : ''}
                  {outcome}
                  {entry.seconds ? ` · ${formatDuration(entry.seconds)}` : ''}
                  {entry.route ? ` · via ${entry.route}` : ''}
                </Text>
              </Stack>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={new Date(entry.startedAt).toLocaleString()}>
                {when(entry.startedAt)}
              </Text>
              <Tooltip label={`Call ${entry.number}`} withArrow>
                <ActionIcon variant="subtle" color="teal" aria-label={`Call back ${who}`} onClick={() => phone.dial(entry.number, entry.name)}>
                  <IconPhoneCall size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          );
        })}
      </Stack>
    </Box>
  );
}
