/**
 * Which cables the canvas lets an admin draw, read from the catalogue's ports (never a list
 * of types here): an output port to an input port that accepts its signal, with room left
 * on both ports. The server judges again when the cable is created.
 */
import type { Connection, IsValidConnection } from '@xyflow/react';
import type { ObjectType, PortSpec } from '../api/workspace';
import { type CanvasEdge, type CanvasNode, objectTypeOf } from '../nodes/types';
import { nodeIndex, useCanvasStore } from '../store/canvas';

type Catalogue = Record<string, ObjectType>;

export function portOf(catalogue: Catalogue, node: CanvasNode | undefined, name: string | null | undefined, direction: 'in' | 'out'): PortSpec | undefined {
  if (!node || !name) return undefined;
  return catalogue[objectTypeOf(node)]?.ports.find((p) => p.name === name && p.direction === direction);
}

function cablesOn(edges: CanvasEdge[], nodeId: string, port: string, direction: 'in' | 'out'): number {
  return edges.filter((e) => (direction === 'out' ? e.source === nodeId && e.sourceHandle === port : e.target === nodeId && e.targetHandle === port)).length;
}

/** Why this cable may not be drawn, or null when it may. */
export function connectionProblem(connection: Connection | CanvasEdge, nodes: CanvasNode[], edges: CanvasEdge[], catalogue: Catalogue): string | null {
  const { source, target, sourceHandle, targetHandle } = connection;
  if (source === target) return 'An object cannot be cabled to itself.';
  const byId = nodeIndex(nodes);
  const from = byId.get(source);
  const to = byId.get(target);
  const out = portOf(catalogue, from, sourceHandle, 'out');
  const into = portOf(catalogue, to, targetHandle, 'in');
  if (!from || !to || !out || !into) return 'A cable goes from an output port to an input port.';
  if (!out.signal || !into.accepts.includes(out.signal)) return `${out.label} cannot connect to ${into.label}.`;
  const same = edges.some((e) => e.source === source && e.target === target && e.sourceHandle === sourceHandle && e.targetHandle === targetHandle);
  if (same) return 'These ports are cabled already.';
  if (out.maxCables !== null && cablesOn(edges, source, out.name, 'out') >= out.maxCables) return `${from.data.name}'s ${out.label} port is full.`;
  if (into.maxCables !== null && cablesOn(edges, target, into.name, 'in') >= into.maxCables) return `${to.data.name}'s ${into.label} port is full.`;
  return null;
}

/** At module level so React Flow keeps one reference; it reads the store when asked. */
export const isValidConnection: IsValidConnection<CanvasEdge> = (connection) => {
  const { nodes, edges, catalogue } = useCanvasStore.getState();
  return connectionProblem(connection, nodes, edges, catalogue) === null;
};

/** The handle a connection is being drawn from: "nodeId|handleId|source|target". */
export interface DragOrigin {
  nodeId: string;
  handleId: string;
  handleType: 'source' | 'target';
}

/** Whether a cable from the drag origin could end at this node's port. */
export function isLegalEnd(origin: DragOrigin, nodeId: string, port: PortSpec): boolean {
  const wanted = origin.handleType === 'source' ? 'in' : 'out';
  if (port.direction !== wanted) return false;
  const connection: Connection =
    origin.handleType === 'source'
      ? { source: origin.nodeId, sourceHandle: origin.handleId, target: nodeId, targetHandle: port.name }
      : { source: nodeId, sourceHandle: port.name, target: origin.nodeId, targetHandle: origin.handleId };
  return isValidConnection(connection);
}
