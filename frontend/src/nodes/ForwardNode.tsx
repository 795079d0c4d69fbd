import { Text } from '@mantine/core';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useNumberText } from '../canvas/lookups';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { ObjectData } from './types';

interface ForwardProperties {
  /** The external number, as typed (E.164 once valid). */
  number: string;
  callerId: 'caller' | 'account';
  /** The account's phone number shown when callerId is "account". */
  callerIdNumber: number | null;
}

export type ForwardNodeType = Node<ObjectData<ForwardProperties>, 'forward'>;

/** A destination: the call leaves the account for an external number, with the caller ID it shows. */
function ForwardNode({ id, data, selected }: NodeProps<ForwardNodeType>) {
  const { number, callerId, callerIdNumber } = data.properties;
  const account = useNumberText('phone', callerId === 'account' ? callerIdNumber : null);
  const shown = callerId === 'account' ? (account ?? (callerIdNumber === null ? 'no number chosen' : 'a number no longer in the inventory')) : "caller's number";
  return (
    <ObjectCard id={id} type="forward" name={data.name} selected={selected}>
      {number ? (
        <Text size="sm" ff="monospace" fw={500} className="object-fact-number" truncate="end">
          {number}
        </Text>
      ) : (
        <Text size="xs" c="orange.8">
          No number to forward to
        </Text>
      )}
      <Text size="xs" c="dimmed" truncate="end">
        Shows {shown}
      </Text>
    </ObjectCard>
  );
}

export default memo(ForwardNode, sameCard);
