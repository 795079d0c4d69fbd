/**
 * Tidy: lay out the selected objects (two or more), or the whole tab, left to right along
 * their cables with dagre, and save the new positions as one move (one undo step). Objects
 * not tidied stay where they are; the tidied group keeps its top-left corner, so it does not
 * jump across the tab.
 */
import dagre from '@dagrejs/dagre';
import type { XY } from '../api/workspace';
import { CARD_WIDTH } from '../nodes/size';
import type { CanvasNode } from '../nodes/types';
import { useCanvasStore } from '../store/canvas';
import { finishMove } from './actions';

/** Positions land on this grid, the one the canvas snaps drags to. */
export const GRID = 20;

const snap = (value: number) => Math.round(value / GRID) * GRID;

function sizeOf(node: CanvasNode): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? node.initialWidth ?? CARD_WIDTH,
    height: node.measured?.height ?? node.height ?? node.initialHeight ?? 120,
  };
}

/** New top-left positions of `nodes`, by id, laid out along the cables between them. */
export function layout(nodes: CanvasNode[], edges: { source: string; target: string }[]): Map<string, XY> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 120, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) graph.setNode(node.id, sizeOf(node));
  for (const edge of edges) if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const left = Math.min(...nodes.map((n) => n.position.x));
  const top = Math.min(...nodes.map((n) => n.position.y));
  const placed = nodes.map((n) => {
    const { x, y, width, height } = graph.node(n.id);
    return { id: n.id, x: x - width / 2, y: y - height / 2 };
  });
  const dx = left - Math.min(...placed.map((p) => p.x));
  const dy = top - Math.min(...placed.map((p) => p.y));
  return new Map(placed.map((p) => [p.id, { x: snap(p.x + dx), y: snap(p.y + dy) }]));
}

/** Tidy the selection (two or more objects) or, without one, the whole tab. */
export async function tidy(): Promise<number> {
  const { nodes, edges } = useCanvasStore.getState();
  const selected = nodes.filter((n) => n.selected);
  const chosen = (selected.length >= 2 ? selected : nodes).filter((n) => n.id !== 'new');
  if (chosen.length < 2) return 0;
  const positions = layout(chosen, edges);
  const moves = chosen.map((n) => ({ id: Number(n.id), from: n.position, to: positions.get(n.id)! }));
  useCanvasStore.setState((s) => ({ nodes: s.nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) }));
  await finishMove(moves);
  return chosen.length;
}
