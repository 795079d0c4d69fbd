import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ObjectCard } from './ObjectCard';
import type { BlacklistNodeType } from './routerTypes';
import { sameCard } from './sameCard';

/** Keeps listed callers out: "2 numbers" (expired entries counted apart). */
function BlacklistNode({ id, data, selected }: NodeProps<BlacklistNodeType>) {
  const entries = data.properties.entries ?? [];
  const now = Date.now();
  const live = entries.filter((e) => !e.expires || new Date(e.expires).getTime() > now);
  const expired = entries.length - live.length;
  return (
    <ObjectCard id={id} type="blacklist" name={data.name} selected={selected}>
      <Text size="sm" fw={500}>
        {live.length === 0 ? 'Nobody blocked' : `${live.length} number${live.length === 1 ? '' : 's'}`}
        {expired > 0 && (
          <Text span size="xs" c="dimmed">
            {' '}
            ({expired} expired)
          </Text>
        )}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        {live.map((e) => (e.match === 'prefix' ? `${e.number}…` : e.number)).join(', ') || 'Every call is allowed'}
      </Text>
    </ObjectCard>
  );
}

export default memo(BlacklistNode, sameCard);
