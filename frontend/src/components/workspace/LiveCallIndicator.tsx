import { Badge, Group, Paper, Text } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { memberName, outcome, routeLabel } from '../calls/labels';
import { lightPaths } from '../../canvas/litPath';
import { useLiveCallsStore } from '../../canvas/liveCalls';
import { useCanvasStore } from '../../store/canvas';

/**
 * Over the canvas while calls are in progress: the newest one (caller, number, state) and how
 * many there are; their paths are lit on the canvas, and the light goes out when they end.
 */
export function LiveCallIndicator() {
  const calls = useLiveCallsStore((s) => s.calls);
  const ready = useCanvasStore((s) => s.status === 'ready');
  const lighting = useRef(false);
  const live = Object.values(calls).sort((a, b) => b.startedAt.localeCompare(a.startedAt));

  useEffect(() => {
    if (!ready) return;
    const paths = Object.values(calls).map((call) => call.path).filter((path) => path.length > 0);
    if (paths.length > 0) {
      lightPaths(paths);
      lighting.current = true;
    } else if (lighting.current) {
      lightPaths([]); // only put out the light the calls lit, not the simulator's
      lighting.current = false;
    }
  }, [calls, ready]);

  const newest = live[0];
  if (!newest) return null;
  const state = outcome(newest);
  return (
    <Paper withBorder shadow="sm" radius="md" px="md" py={6} role="status" aria-label="Live call" style={{ whiteSpace: 'nowrap' }}>
      <Group gap="xs" wrap="nowrap">
        <IconPhoneCall size={18} aria-hidden className="live-call-icon" color="var(--mantine-color-green-7)" />
        <Text size="sm" fw={600}>
          {newest.caller ?? 'Anonymous'} → {routeLabel(newest.route)}
        </Text>
        <Badge size="sm" color={state.color} variant="filled">
          {state.label}
        </Badge>
        {newest.state === 'answered' && (
          <Text size="sm" c="dimmed">
            with {memberName(newest.answeredBy)}
          </Text>
        )}
        {live.length > 1 && (
          <Text size="sm" c="dimmed">
            +{live.length - 1} more
          </Text>
        )}
      </Group>
    </Paper>
  );
}
