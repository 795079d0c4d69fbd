/**
 * The canvas state of the open tab: nodes and edges as the server last said, the catalogue,
 * the problems and the simulator's path. Components read it through `useShallow` selectors;
 * server round trips live in src/canvas/ and call these actions with the answers.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Cable, Draft, ObjectType, Problem, WorkspaceObject, XY } from '../api/workspace';
import { type CanvasEdge, type CanvasNode, edgeId, nodeId, toEdge, toNode } from '../nodes/types';

export type { CanvasEdge, CanvasNode } from '../nodes/types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CanvasState {
  catalogue: Record<string, ObjectType>;
  tabId: number | null;
  status: LoadStatus;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** The newest draft version seen (responses, events). */
  draftVersion: number;
  problems: Problem[];
  problemsVersion: number;
  /** Problems per object id (string), for the red outline and badge. */
  problemCounts: Record<string, number>;
  /** What the simulator lit: node and edge ids. */
  lit: { nodes: string[]; edges: string[] } | null;

  setCatalogue: (types: ObjectType[]) => void;
  setTab: (tabId: number | null) => void;
  setStatus: (status: LoadStatus) => void;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  loadDraft: (draft: Draft) => void;
  seeVersion: (draftVersion: number | undefined) => void;
  upsertObject: (object: WorkspaceObject) => void;
  moveNode: (id: string, position: XY) => void;
  addNode: (node: CanvasNode) => void;
  removeNodes: (ids: string[]) => void;
  upsertCable: (cable: Cable) => void;
  addEdge: (edge: CanvasEdge) => void;
  removeEdges: (ids: string[]) => void;
  setProblems: (problems: Problem[], draftVersion: number) => void;
  select: (nodeIds: string[], edgeIds?: string[]) => void;
  setLit: (lit: CanvasState['lit']) => void;
}

function countProblems(problems: Problem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problem of problems) {
    for (const id of new Set(problem.objects)) counts[nodeId(id)] = (counts[nodeId(id)] ?? 0) + 1;
  }
  return counts;
}

export const useCanvasStore = create<CanvasState>()((set, get) => ({
  catalogue: {},
  tabId: null,
  status: 'idle',
  nodes: [],
  edges: [],
  draftVersion: 0,
  problems: [],
  problemsVersion: -1,
  problemCounts: {},
  lit: null,

  setCatalogue: (types) => set({ catalogue: Object.fromEntries(types.map((t) => [t.type, t])) }),
  setTab: (tabId) => set({ tabId, nodes: [], edges: [], status: tabId === null ? 'idle' : 'loading', lit: null }),
  setStatus: (status) => set({ status }),
  onNodesChange: (changes) => set((state) => ({ nodes: applyNodeChanges(changes, state.nodes) })),
  onEdgesChange: (changes) => set((state) => ({ edges: applyEdgeChanges(changes, state.edges) })),

  loadDraft: (draft) =>
    set((state) => {
      if (draft.tab.id !== state.tabId) return {};
      const nodes = new Map(state.nodes.map((n) => [n.id, n]));
      const edges = new Map(state.edges.map((e) => [e.id, e]));
      return {
        status: 'ready',
        draftVersion: Math.max(state.draftVersion, draft.draftVersion),
        nodes: draft.objects.map((o) => toNode(o, nodes.get(nodeId(o.id)))),
        edges: draft.cables.map((c) => toEdge(c, edges.get(edgeId(c.id)))),
      };
    }),
  seeVersion: (draftVersion) => {
    if (draftVersion !== undefined && draftVersion > get().draftVersion) set({ draftVersion });
  },

  upsertObject: (object) =>
    set((state) => {
      const id = nodeId(object.id);
      if (object.tabId !== state.tabId) return { nodes: state.nodes.filter((n) => n.id !== id) };
      const previous = state.nodes.find((n) => n.id === id);
      if (!previous) return { nodes: [...state.nodes, toNode(object)] };
      return { nodes: state.nodes.map((n) => (n.id === id ? toNode(object, n) : n)) };
    }),
  moveNode: (id, position) =>
    set((state) => ({ nodes: state.nodes.map((n) => (n.id === id ? { ...n, position } : n)) })),
  addNode: (node) => set((state) => ({ nodes: [...state.nodes.filter((n) => n.id !== node.id), node] })),
  removeNodes: (ids) =>
    set((state) => {
      const gone = new Set(ids);
      return {
        nodes: state.nodes.filter((n) => !gone.has(n.id)),
        edges: state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
      };
    }),

  upsertCable: (cable) =>
    set((state) => {
      const id = edgeId(cable.id);
      const ends = new Set(state.nodes.map((n) => n.id));
      if (!ends.has(nodeId(cable.source)) || !ends.has(nodeId(cable.target))) return {};
      const previous = state.edges.find((e) => e.id === id);
      if (!previous) return { edges: [...state.edges, toEdge(cable)] };
      return { edges: state.edges.map((e) => (e.id === id ? toEdge(cable, e) : e)) };
    }),
  addEdge: (edge) => set((state) => ({ edges: [...state.edges.filter((e) => e.id !== edge.id), edge] })),
  removeEdges: (ids) => {
    const gone = new Set(ids);
    set((state) => ({ edges: state.edges.filter((e) => !gone.has(e.id)) }));
  },

  setProblems: (problems, draftVersion) => {
    if (draftVersion < get().problemsVersion) return;
    set({ problems, problemsVersion: draftVersion, problemCounts: countProblems(problems) });
  },
  select: (nodeIds, edgeIds = []) => {
    const nodes = new Set(nodeIds);
    const edges = new Set(edgeIds);
    set((state) => ({
      nodes: state.nodes.map((n) => (n.selected === nodes.has(n.id) ? n : { ...n, selected: nodes.has(n.id) })),
      edges: state.edges.map((e) => (e.selected === edges.has(e.id) ? e : { ...e, selected: edges.has(e.id) })),
    }));
  },
  setLit: (lit) => set({ lit }),
}));

/** The node of an object id, if it is on the open tab. */
export const findNode = (id: number | string): CanvasNode | undefined =>
  useCanvasStore.getState().nodes.find((n) => n.id === String(id));

export const findEdge = (id: number | string): CanvasEdge | undefined =>
  useCanvasStore.getState().edges.find((e) => e.id === String(id));
