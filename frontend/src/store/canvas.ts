/** The canvas state: nodes and edges of the open tab, changed only through these actions. */
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { create } from 'zustand';

/** Node data stays plain JSON (no callbacks), so it can be synced and compared as is. */
export type CanvasNode = Node<Record<string, unknown>>;
export type CanvasEdge = Edge;

export interface CanvasState {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  reset: (nodes: CanvasNode[], edges: CanvasEdge[]) => void;
}

export const useCanvasStore = create<CanvasState>()((set) => ({
  nodes: [],
  edges: [],
  onNodesChange: (changes) => set((state) => ({ nodes: applyNodeChanges(changes, state.nodes) })),
  onEdgesChange: (changes) => set((state) => ({ edges: applyEdgeChanges(changes, state.edges) })),
  onConnect: (connection) => set((state) => ({ edges: addEdge(connection, state.edges) })),
  reset: (nodes, edges) => set({ nodes, edges }),
}));
