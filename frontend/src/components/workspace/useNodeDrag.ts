/**
 * Dragging objects: positions are relayed to the others while dragging and saved when the
 * drag ends (one undoable step). Shift-drag brings everything cabled to the object along.
 */
import type { OnNodeDrag } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { XY } from '../../api/workspace';
import { finishMove } from '../../canvas/actions';
import type { CanvasNode } from '../../nodes/types';
import { emitDrag } from '../../realtime/live';
import { useCanvasStore } from '../../store/canvas';

/** Every object reachable from `start` over cables, either way. */
function connectedTo(start: string[]): Set<string> {
  const { edges } = useCanvasStore.getState();
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const e of edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      if (other && !seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

interface DragState {
  starts: Map<string, XY>;
  /** Objects moved along with the dragged ones (Shift). */
  companions: string[];
  lastRelay: number;
}

export function useNodeDrag() {
  const drag = useRef<DragState | null>(null);

  return useMemo(() => {
    const onNodeDragStart: OnNodeDrag<CanvasNode> = (event, _node, dragged) => {
      const { nodes } = useCanvasStore.getState();
      const ids = dragged.map((n) => n.id);
      const companions = event.shiftKey ? [...connectedTo(ids)].filter((id) => !ids.includes(id)) : [];
      const starts = new Map<string, XY>();
      for (const n of nodes) if (ids.includes(n.id) || companions.includes(n.id)) starts.set(n.id, { ...n.position });
      drag.current = { starts, companions, lastRelay: 0 };
    };

    const onNodeDrag: OnNodeDrag<CanvasNode> = (_event, node, dragged) => {
      const state = drag.current;
      if (!state) return;
      const start = state.starts.get(node.id);
      if (start && state.companions.length > 0) {
        const dx = node.position.x - start.x;
        const dy = node.position.y - start.y;
        const moved = new Map(state.companions.map((id) => [id, state.starts.get(id)!]));
        useCanvasStore.setState((s) => ({
          nodes: s.nodes.map((n) => (moved.has(n.id) ? { ...n, position: { x: moved.get(n.id)!.x + dx, y: moved.get(n.id)!.y + dy } } : n)),
        }));
      }
      const now = performance.now();
      if (now - state.lastRelay > 50) {
        state.lastRelay = now;
        const moving = new Set([...dragged.map((n) => n.id), ...state.companions]);
        for (const n of useCanvasStore.getState().nodes) if (moving.has(n.id)) emitDrag(Number(n.id), n.position);
      }
    };

    const onNodeDragStop: OnNodeDrag<CanvasNode> = () => {
      const state = drag.current;
      drag.current = null;
      if (!state) return;
      const { nodes } = useCanvasStore.getState();
      const moves = nodes
        .filter((n) => state.starts.has(n.id) && n.id !== 'new')
        .map((n) => ({ id: Number(n.id), from: state.starts.get(n.id)!, to: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
      for (const m of moves) emitDrag(m.id, m.to);
      void finishMove(moves);
    };

    return { onNodeDragStart, onNodeDrag, onNodeDragStop };
  }, []);
}
