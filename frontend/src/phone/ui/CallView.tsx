import { Avatar, Badge, Button, Collapse, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDialpad,
  IconMicrophone,
  IconMicrophoneOff,
  IconPhone,
  IconPhoneOff,
  IconPlayerPause,
  IconPlayerPlay,
  IconRoute,
} from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { type CallState, formatDuration, talkSeconds } from '../callState';
import { phone, usePhone } from '../phoneStore';
import { Keypad } from './Keypad';

const ENDED: Record<string, string> = {
  hung_up: 'Call ended',
  remote_hung_up: 'The other side hung up',
  declined: 'Declined',
  missed: 'Missed call',
  cancelled: 'Cancelled',
  busy: 'Busy',
  failed: 'Call failed',
};

function initials(call: CallState): string {
  const words = (call.name ?? '').split(/\s+/).filter(Boolean);
  return words.length ? words.slice(0, 2).map((w) => w[0].toUpperCase()).join('') : '#';
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/** A square-ish call control: the icon above its label, so three fit side by side. */
function Control({ icon, label, on, onClick, expanded }: { icon: ReactNode; label: string; on: boolean; onClick: () => void; expanded?: boolean }) {
  return (
    <Button
      variant={on ? 'filled' : 'default'}
      color={on ? 'orange' : undefined}
      onClick={onClick}
      aria-pressed={expanded === undefined ? on : undefined}
      aria-expanded={expanded}
      h={52}
      px={4}
    >
      <Stack gap={2} align="center">
        {icon}
        <Text size="xs" fw={600} inherit>
          {label}
        </Text>
      </Stack>
    </Button>
  );
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function PhaseLine({ call }: { call: CallState }) {
  const now = useNow(call.phase === 'connected');
  if (call.phase === 'ringing') return <Text c="teal" fw={600}>Incoming call…</Text>;
  if (call.phase === 'calling') return <Text c="blue" fw={600}>Calling…</Text>;
  if (call.phase === 'connected') {
    return (
      <Text fw={600} ff="monospace" aria-label="Call time">
        {call.held ? 'On hold · ' : ''}
        {formatDuration(talkSeconds(call, now))}
      </Text>
    );
  }
  return (
    <Text c="dimmed" fw={600}>
      {ENDED[call.endReason ?? 'failed']}
      {call.cause && call.endReason === 'failed' ? ` (${call.cause})` : ''}
    </Text>
  );
}

/** The current call: who, through which route, how long, and the buttons its phase allows. */
export function CallView({ call }: { call: CallState }) {
  const stats = usePhone((s) => s.stats);
  const [keypad, { toggle }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md" bg={call.phase === 'ringing' ? 'teal.0' : 'gray.0'} aria-label="Current call" role="region">
      <Stack gap="sm">
        <Group wrap="nowrap" align="center">
          <Avatar color={call.direction === 'incoming' ? 'teal' : 'blue'} radius="xl" size="lg">
            {initials(call)}
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={700} truncate aria-label="Caller">
              {call.name ?? call.number}
            </Text>
            {call.name && (
              <Text size="sm" ff="monospace" c="dimmed">
                {call.number}
              </Text>
            )}
            <PhaseLine call={call} />
          </Stack>
        </Group>
        {call.route && (
          <Badge variant="light" color="indigo" leftSection={<IconRoute size={12} aria-hidden />} radius="sm" aria-label={`Route ${call.route}`}>
            via {call.route}
          </Badge>
        )}
        {call.phase === 'ringing' && (
          <SimpleGrid cols={2} spacing="xs">
            <Button color="teal" leftSection={<IconPhone size={18} aria-hidden />} onClick={phone.answer}>
              Answer
            </Button>
            <Button color="red" variant="light" leftSection={<IconPhoneOff size={18} aria-hidden />} onClick={phone.decline}>
              Decline
            </Button>
          </SimpleGrid>
        )}
        {call.phase === 'calling' && (
          <Button color="red" leftSection={<IconPhoneOff size={18} aria-hidden />} onClick={phone.hangUp}>
            Hang up
          </Button>
        )}
        {call.phase === 'connected' && (
          <>
            <SimpleGrid cols={3} spacing="xs">
              <Control
                icon={call.muted ? <IconMicrophoneOff size={18} aria-hidden /> : <IconMicrophone size={18} aria-hidden />}
                label={call.muted ? 'Unmute' : 'Mute'}
                on={call.muted}
                onClick={phone.toggleMute}
              />
              <Control
                icon={call.held ? <IconPlayerPlay size={18} aria-hidden /> : <IconPlayerPause size={18} aria-hidden />}
                label={call.held ? 'Resume' : 'Hold'}
                on={call.held}
                onClick={phone.toggleHold}
              />
              <Control icon={<IconDialpad size={18} aria-hidden />} label="Keypad" on={false} onClick={toggle} expanded={keypad} />
            </SimpleGrid>
            <Collapse expanded={keypad}>
              <Keypad verb="Send" onKey={phone.dtmf} />
            </Collapse>
            <Button color="red" leftSection={<IconPhoneOff size={18} aria-hidden />} onClick={phone.hangUp}>
              Hang up
            </Button>
            <Text
              size="xs"
              c="dimmed"
              ta="center"
              data-testid="call-stats"
              data-bytes-received={stats?.bytesReceived ?? 0}
              data-bytes-sent={stats?.bytesSent ?? 0}
            >
              Audio {stats ? `${kB(stats.bytesReceived)} received · ${kB(stats.bytesSent)} sent` : 'connecting…'}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
