/**
 * The node components' memo test. React Flow gives a node new props on every step of its
 * drag (its position, `dragging`); a card draws only its id, type, data and selection, so it
 * is not redrawn while it moves.
 */
import type { Node, NodeProps } from '@xyflow/react';

export function sameCard<N extends Node>(a: NodeProps<N>, b: NodeProps<N>): boolean {
  return a.id === b.id && a.type === b.type && a.data === b.data && a.selected === b.selected;
}
