import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { type CallEventRow, useCall } from '../../api/calls';
import { CAUSE, memberName } from './labels';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function describe(event: CallEventRow): string {
  switch (event.type) {
    case 'start':
      return 'Call arrived';
    case 'node':
      return `Entered ${event.objectName ?? (event.objectId !== null ? `object ${event.objectId}` : (event.node ?? 'a step'))}`;
    case 'ringing':
      return `Ringing ${memberName(event.member)}`;
    case 'answered':
      return `Answered by ${memberName(event.member)}`;
    case 'ended': {
      const cause = event.cause ? CAUSE[event.cause]?.label : 'Ended';
      return `Ended: ${cause ?? event.cause}${event.sipCode ? ` (SIP ${event.sipCode})` : ''}`;
    }
    default:
      return event.type;
  }
}

/** One call's events in order: where the program went, who rang, who answered, how it ended. */
export function CallEvents({ callId }: { callId: number }) {
  const call = useCall(callId);
  if (!call.data) return <Loader size="sm" aria-label="Loading the call's events" />;
  return (
    <Stack gap={4} component="ol" aria-label="Call events" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {call.data.events.map((event, index) => (
        <Group component="li" key={`${event.type}-${event.at}-${index}`} gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" ff="monospace" w={96} style={{ whiteSpace: 'nowrap' }}>
            {time.format(new Date(event.at))}
          </Text>
          <Badge size="xs" variant="light" color={event.type === 'ended' ? 'gray' : 'blue'} w={76}>
            {event.type}
          </Badge>
          <Text size="sm">{describe(event)}</Text>
        </Group>
      ))}
    </Stack>
  );
}
