import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { effectiveTimeline, MEMBERS_PORT } from '../canvas/timeline';
import { edgesFrom, nodeIndex, useCanvasStore } from '../store/canvas';
import { MiniTimeline } from './MiniTimeline';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { RingGroupNodeType } from './types';

/** Rings its members on a timeline; no_answer fires when the timeline ends. */
function RingGroupNode({ id, data, selected }: NodeProps<RingGroupNodeType>) {
  // Indexed lookups: these selectors run on every store change (each step of a drag), per card.
  const cabled = useCanvasStore(
    useShallow((state) => (edgesFrom(state.edges).get(id) ?? []).filter((e) => e.sourceHandle === MEMBERS_PORT).map((e) => Number(e.target))),
  );
  const nameList = useCanvasStore(
    useShallow((state) => {
      const byId = nodeIndex(state.nodes);
      return cabled.map((t) => byId.get(String(t))?.data.name ?? '');
    }),
  );
  const entries = useMemo(() => effectiveTimeline(data.properties.members ?? [], cabled), [data.properties.members, cabled]);
  const names = Object.fromEntries(cabled.map((target, index) => [target, nameList[index]]));
  return (
    <ObjectCard id={id} type="ring_group" name={data.name} selected={selected}>
      <MiniTimeline entries={entries} names={names} />
    </ObjectCard>
  );
}

export default memo(RingGroupNode, sameCard);
