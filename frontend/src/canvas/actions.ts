/** What the admin does on the canvas, as undoable steps: place, connect, move, edit, delete. */
import type { Connection } from '@xyflow/react';
import { isApiError } from '../api/client';
import type { ObjectChanges, WorkspaceObject, XY } from '../api/workspace';
import { type CanvasEdge, type CanvasNode, objectTypeOf, toCable } from '../nodes/types';
import { useCanvasStore } from '../store/canvas';
import type { CableSnap, ObjectSnap } from '../store/history';
import { notifyRefused } from './feedback';
import { record, remove } from './history';
import { createCable, createObject, moveObject, updateObject } from './ops';

const canvas = () => useCanvasStore.getState();

export const snapObject = (node: CanvasNode): ObjectSnap => ({
  id: Number(node.id),
  type: objectTypeOf(node),
  name: node.data.name,
  position: { ...node.position },
  properties: structuredClone(node.data.properties) as Record<string, unknown>,
});

export const snapCable = (edge: CanvasEdge): CableSnap => {
  const { id, source, sourcePort, target, targetPort } = toCable(edge);
  return { id, source, sourcePort, target, targetPort };
};

export const snapFromObject = (object: WorkspaceObject): ObjectSnap => ({
  id: object.id,
  type: object.type,
  name: object.name,
  position: object.position,
  properties: object.properties,
});

/** Create an object from the new-object form; undo deletes it. */
export async function placeObject(tabId: number, type: string, position: XY, name: string | undefined, properties: Record<string, unknown>): Promise<WorkspaceObject> {
  const object = await createObject({ tabId, type, name, position, properties });
  record({ kind: 'create', label: `Add ${object.name}`, tabId, objects: [snapFromObject(object)], cables: [] });
  return object;
}

/** Draw a cable: shown at once, kept if the server takes it, removed with its message if not. */
export async function connect(connection: Connection): Promise<void> {
  const { tabId, addEdge, removeEdges } = canvas();
  if (tabId === null || !connection.sourceHandle || !connection.targetHandle) return;
  const pendingId = `pending-${connection.source}-${connection.sourceHandle}-${connection.target}-${connection.targetHandle}`;
  addEdge({ ...connection, id: pendingId, sourceHandle: connection.sourceHandle, targetHandle: connection.targetHandle, animated: true, selectable: false });
  try {
    const cable = await createCable({
      source: Number(connection.source),
      sourcePort: connection.sourceHandle,
      target: Number(connection.target),
      targetPort: connection.targetHandle,
    });
    removeEdges([pendingId]);
    const { id, source, sourcePort, target, targetPort } = cable;
    record({ kind: 'create', label: 'Connect', tabId, objects: [], cables: [{ id, source, sourcePort, target, targetPort }] });
  } catch (error) {
    removeEdges([pendingId]);
    notifyRefused('Cable not connected', error);
  }
}

/** Delete objects (with every cable on them) and cables; undo puts them all back. */
export async function deleteItems(nodes: CanvasNode[], edges: CanvasEdge[]): Promise<void> {
  const { tabId, edges: all } = canvas();
  if (tabId === null || (nodes.length === 0 && edges.length === 0)) return;
  const ids = new Set(nodes.map((n) => n.id));
  const touching = all.filter((e) => ids.has(e.source) || ids.has(e.target));
  const cables = [...new Map([...touching, ...edges].filter((e) => !e.id.startsWith('pending-')).map((e) => [e.id, snapCable(e)])).values()];
  const objects = nodes.filter((n) => n.id !== 'new').map(snapObject);
  const gone = new Set(objects.map((o) => o.id));
  const membersOf = (n: CanvasNode) => (n.data.properties as { members?: unknown }).members;
  const touched = canvas()
    .nodes.filter((n) => !ids.has(n.id) && Array.isArray(membersOf(n)))
    .filter((n) => (membersOf(n) as { target: number }[]).some((m) => gone.has(m.target)))
    .map(snapObject);
  const label = objects.length === 1 ? `Delete ${objects[0].name}` : objects.length ? `Delete ${objects.length} objects` : 'Delete cable';
  try {
    await remove(objects, cables);
    record({ kind: 'delete', label, tabId, objects, cables, touched });
  } catch (error) {
    notifyRefused('Not deleted', error);
  }
}

/** Save where dragged objects ended up; undo moves them back. */
export async function finishMove(moves: { id: number; from: XY; to: XY }[]): Promise<void> {
  const tabId = canvas().tabId;
  const moved = moves.filter((m) => m.from.x !== m.to.x || m.from.y !== m.to.y);
  if (tabId === null || moved.length === 0) return;
  try {
    await Promise.all(moved.map((m) => moveObject(m.id, m.to)));
    record({ kind: 'move', label: moved.length === 1 ? 'Move' : `Move ${moved.length} objects`, tabId, moves: moved });
  } catch (error) {
    notifyRefused('Position not saved', error);
  }
}

/**
 * Save a name or properties from the properties drawer, against the version the form was
 * opened on (a 412 reloads the object); undo restores the earlier values.
 */
export async function editObject(node: CanvasNode, after: ObjectChanges, version = node.data.version): Promise<'saved' | 'stale' | 'failed'> {
  const tabId = canvas().tabId;
  if (tabId === null) return 'failed';
  const before: ObjectChanges = {};
  if (after.name !== undefined) before.name = node.data.name;
  if (after.properties !== undefined) before.properties = node.data.properties as Record<string, unknown>;
  try {
    await updateObject(Number(node.id), after, version);
    record({ kind: 'edit', label: `Edit ${node.data.name}`, tabId, id: Number(node.id), before, after });
    return 'saved';
  } catch (error) {
    notifyRefused(`${node.data.name} not saved`, error);
    return isApiError(error, 412) ? 'stale' : 'failed';
  }
}
