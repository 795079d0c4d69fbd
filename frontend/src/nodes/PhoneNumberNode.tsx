import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NumberFact } from './NumberFact';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { PhoneNumberNodeType } from './types';

/** A DID (E.164) where calls arrive. */
function PhoneNumberNode({ id, data, selected }: NodeProps<PhoneNumberNodeType>) {
  return (
    <ObjectCard id={id} type="phone_number" name={data.name} selected={selected}>
      <NumberFact kind="phone" id={data.properties.number} />
    </ObjectCard>
  );
}

export default memo(PhoneNumberNode, sameCard);
