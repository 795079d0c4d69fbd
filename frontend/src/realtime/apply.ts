/**
 * Other admins' changes, applied to the canvas idempotently by version: an event no newer
 * than what the canvas shows (this browser's own echo included) changes nothing.
 */
import type { Cable, WorkspaceObject, XY } from '../api/workspace';
import { edgeId, nodeId } from '../nodes/types';
import { findEdge, findNode, useCanvasStore } from '../store/canvas';
import { useLiveStore } from './live';

const canvas = () => useCanvasStore.getState();
const mine = (actor: unknown) => actor !== null && actor === useLiveStore.getState().actor;

export interface ObjectEvent {
  object: WorkspaceObject;
  change?: string;
  draftVersion?: number;
  actor?: number;
}

export function applyObject({ object, change, draftVersion, actor }: ObjectEvent): void {
  canvas().seeVersion(draftVersion);
  const node = findNode(object.id);
  if (object.tabId !== canvas().tabId) {
    if (node) canvas().removeNodes([node.id]);
    return;
  }
  if (change === 'position') {
    // A position keeps the version: the last writer wins, except over our own drag.
    if (node && !mine(actor) && !node.dragging) canvas().moveNode(node.id, object.position);
    return;
  }
  if (node && node.data.version >= object.version) return;
  canvas().upsertObject(object);
}

export function applyObjectDeleted({ object, cables, draftVersion }: { object: { id: number }; cables?: number[]; draftVersion?: number }): void {
  canvas().seeVersion(draftVersion);
  canvas().removeNodes([nodeId(object.id)]);
  if (cables?.length) canvas().removeEdges(cables.map(edgeId));
}

export function applyCable({ cable, draftVersion }: { cable: Cable; draftVersion?: number }): void {
  canvas().seeVersion(draftVersion);
  const edge = findEdge(cable.id);
  if (edge && (edge.data?.version ?? 0) >= cable.version) return;
  canvas().upsertCable(cable);
}

export function applyCableDeleted({ cable, draftVersion }: { cable: { id: number }; draftVersion?: number }): void {
  canvas().seeVersion(draftVersion);
  canvas().removeEdges([edgeId(cable.id)]);
}

/** Someone else is dragging: follow along without saving. */
export function applyDrag({ objectId, x, y, actor }: { objectId: number; x: number; y: number; actor?: number }): void {
  if (mine(actor)) return;
  const node = findNode(objectId);
  if (node && !node.dragging) canvas().moveNode(node.id, { x, y } satisfies XY);
}
