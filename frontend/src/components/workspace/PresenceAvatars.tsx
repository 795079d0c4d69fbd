import { Avatar, Badge, Tooltip } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import { useLiveStore } from '../../realtime/live';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('') || '?';

/** Who else has this tab open, and whether the live connection holds. */
export function PresenceAvatars() {
  const { present, actor, connected, reconnecting } = useLiveStore(
    useShallow((s) => ({ present: s.present, actor: s.actor, connected: s.connected, reconnecting: s.reconnecting })),
  );
  if (!connected) {
    return reconnecting ? (
      <Badge color="orange" variant="light" leftSection={<IconPlugConnectedX size={14} aria-hidden />} role="status">
        Reconnecting…
      </Badge>
    ) : null;
  }
  const others = present.filter((p) => p.actor !== actor);
  if (others.length === 0) return null;
  const names = others.map((p) => p.name).join(', ');
  return (
    <Avatar.Group spacing="sm" role="group" aria-label={`Also on this tab: ${names}`}>
      {others.slice(0, 4).map((p) => (
        <Tooltip key={p.actor} label={`${p.name} is on this tab`} withArrow>
          <Avatar size={30} radius="xl" color="grape" variant="filled" aria-label={p.name}>
            {initials(p.name)}
          </Avatar>
        </Tooltip>
      ))}
      {others.length > 4 && (
        <Tooltip label={others.slice(4).map((p) => p.name).join(', ')} withArrow>
          <Avatar size={30} radius="xl" aria-label={`${others.length - 4} more`}>
            +{others.length - 4}
          </Avatar>
        </Tooltip>
      )}
    </Avatar.Group>
  );
}
