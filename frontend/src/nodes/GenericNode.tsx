import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { GenericNodeType } from './types';

/** A type without a card of its own: the catalogue's icon, colour and ports still apply. */
function GenericNode({ id, data, selected }: NodeProps<GenericNodeType>) {
  return <ObjectCard id={id} type={data.objectType} name={data.name} selected={selected} />;
}

export default memo(GenericNode, sameCard);
