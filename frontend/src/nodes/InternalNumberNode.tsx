import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NumberFact } from './NumberFact';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { InternalNumberNodeType } from './types';

/** An extension dialled inside the PBX. */
function InternalNumberNode({ id, data, selected }: NodeProps<InternalNumberNodeType>) {
  return (
    <ObjectCard id={id} type="internal_number" name={data.name} selected={selected}>
      <NumberFact kind="internal" id={data.properties.number} />
    </ObjectCard>
  );
}

export default memo(InternalNumberNode, sameCard);
