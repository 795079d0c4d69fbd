/**
 * The canvas state of the open tab: nodes and edges as the server last said, the catalogue,
 * the problems and the simulator's path. Components read it through `useShallow` selectors;
 * server round trips live in src/canvas/ and call these actions with the answers.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Cable, Draft, ObjectType, Problem, WorkspaceObject, XY } from '../api/workspace';
import { dropEstimate, withEstimate } from '../nodes/size';
import { type CanvasEdge, type CanvasNode, edgeId, nodeId, objectTypeOf, toEdge, toNode } from '../nodes/types';

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
  /** A revision's changes marked on the canvas (History → Show on canvas). */
  diff: RevisionMarks | null;

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
  setDiff: (diff: RevisionMarks | null) => void;
}

/** How one revision changed the workspace, by node and edge id, for the canvas to mark. */
export interface RevisionMarks {
  from: number;
  to: number;
  nodes: Record<string, 'added' | 'changed'>;
  edges: Record<string, 'added'>;
  /** Names of objects the revision removed (not on the canvas any more). */
  removed: string[];
}

function countProblems(problems: Problem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problem of problems) {
    for (const id of new Set(problem.objects)) counts[nodeId(id)] = (counts[nodeId(id)] ?? 0) + 1;
  }
  return counts;
}

/** A server object as a node, with an estimated size until React Flow has measured it. */
function placed(object: WorkspaceObject, catalogue: CanvasState['catalogue'], previous?: CanvasNode): CanvasNode {
  const node = toNode(object, previous);
  return withEstimate(node, catalogue[objectTypeOf(node)]);
}

// Lookups by id, built once per nodes/edges array and shared by every reader (cards, search,
// chips, the live events) instead of each scanning the arrays on every store update.
const nodeIndexes = new WeakMap<CanvasNode[], Map<string, CanvasNode>>();
const edgeIndexes = new WeakMap<CanvasEdge[], Map<string, CanvasEdge>>();
const outgoing = new WeakMap<CanvasEdge[], Map<string, CanvasEdge[]>>();

export function nodeIndex(nodes: CanvasNode[]): Map<string, CanvasNode> {
  let index = nodeIndexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    nodeIndexes.set(nodes, index);
  }
  return index;
}

export function edgeIndex(edges: CanvasEdge[]): Map<string, CanvasEdge> {
  let index = edgeIndexes.get(edges);
  if (!index) {
    index = new Map(edges.map((e) => [e.id, e]));
    edgeIndexes.set(edges, index);
  }
  return index;
}

/** The edges leaving each node, in the edges' order. */
export function edgesFrom(edges: CanvasEdge[]): Map<string, CanvasEdge[]> {
  let index = outgoing.get(edges);
  if (!index) {
    index = new Map();
    for (const edge of edges) {
      const list = index.get(edge.source);
      if (list) list.push(edge);
      else index.set(edge.source, [edge]);
    }
    outgoing.set(edges, index);
  }
  return index;
}

/** A node without what moves (position, selection, measured size). */
export type NodeShape = Pick<CanvasNode, 'id' | 'type' | 'data'>;

let lastShapes: { nodes: CanvasNode[]; shapes: NodeShape[] } | null = null;

/**
 * The nodes' ids, types and data: the same array for as long as no object is added, removed
 * or edited, so a selector of it does not fire on every step of a drag (which only moves).
 */
export function shapesOf(nodes: CanvasNode[]): NodeShape[] {
  if (lastShapes?.nodes === nodes) return lastShapes.shapes;
  const old = lastShapes?.shapes;
  let same = old !== undefined && old.length === nodes.length;
  for (let i = 0; same && i < nodes.length; i++) {
    same = nodes[i].id === old![i].id && nodes[i].type === old![i].type && nodes[i].data === old![i].data;
  }
  const shapes = same ? old! : nodes.map((n) => ({ id: n.id, type: n.type, data: n.data }) as NodeShape);
  lastShapes = { nodes, shapes };
  return shapes;
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
  diff: null,

  setCatalogue: (types) => set({ catalogue: Object.fromEntries(types.map((t) => [t.type, t])) }),
  setTab: (tabId) => set({ tabId, nodes: [], edges: [], status: tabId === null ? 'idle' : 'loading', lit: null, diff: null }),
  setStatus: (status) => set({ status }),
  onNodesChange: (changes) =>
    set((state) => {
      const nodes = applyNodeChanges(changes, state.nodes);
      const measured = new Set(changes.flatMap((c) => (c.type === 'dimensions' ? [c.id] : [])));
      return { nodes: measured.size === 0 ? nodes : nodes.map((n) => (measured.has(n.id) ? dropEstimate(n) : n)) };
    }),
  onEdgesChange: (changes) => set((state) => ({ edges: applyEdgeChanges(changes, state.edges) })),

  loadDraft: (draft) =>
    set((state) => {
      if (draft.tab.id !== state.tabId) return {};
      const nodes = nodeIndex(state.nodes);
      const edges = edgeIndex(state.edges);
      return {
        status: 'ready',
        draftVersion: Math.max(state.draftVersion, draft.draftVersion),
        nodes: draft.objects.map((o) => placed(o, state.catalogue, nodes.get(nodeId(o.id)))),
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
      const previous = nodeIndex(state.nodes).get(id);
      if (!previous) return { nodes: [...state.nodes, placed(object, state.catalogue)] };
      return { nodes: state.nodes.map((n) => (n.id === id ? placed(object, state.catalogue, n) : n)) };
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
      const ends = nodeIndex(state.nodes);
      if (!ends.has(nodeId(cable.source)) || !ends.has(nodeId(cable.target))) return {};
      const previous = edgeIndex(state.edges).get(id);
      if (!previous) return { edges: [...state.edges, toEdge(cable)] };
      return { edges: state.edges.map((e) => (e.id === id ? toEdge(cable, e) : e)) };
    }),
  addEdge: (edge) => set((state) => ({ edges: [...state.edges.filter((e) => e.id !== edge.id), edge] })),
  removeEdges: (ids) => {
    const gone = new Set(ids);
    set((state) => ({ edges: state.edges.filter((e) => !gone.has(e.id)) }));
  },

  // Problems count only for the draft version the canvas holds (problemsCurrent): after an edit
  // they wait for the server's validation.updated of that version, never showing older ones.
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
  setDiff: (diff) => set({ diff }),
}));

/** The node of an object id, if it is on the open tab. */
export const findNode = (id: number | string): CanvasNode | undefined => nodeIndex(useCanvasStore.getState().nodes).get(String(id));

export const findEdge = (id: number | string): CanvasEdge | undefined => edgeIndex(useCanvasStore.getState().edges).get(String(id));

/** Whether the problems held describe the draft version the canvas shows (not older). */
export function problemsCurrent(state: { problemsVersion: number; draftVersion: number }): boolean {
  return state.problemsVersion >= state.draftVersion;
}
