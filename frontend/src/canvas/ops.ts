/**
 * The canvas' server round trips: each call writes through the API and puts the answer in
 * the store, so the canvas shows what the server holds. A 412 (someone else changed the
 * item) reloads that item and says so; the caller decides what else to tell the admin.
 */
import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/client';
import {
  type Cable,
  cablesApi,
  type CableInput,
  draftApi,
  type ObjectChanges,
  type ObjectInput,
  objectsApi,
  type WorkspaceObject,
  type XY,
} from '../api/workspace';
import { edgeId, nodeId } from '../nodes/types';
import { findEdge, findNode, problemsCurrent, useCanvasStore } from '../store/canvas';

const store = () => useCanvasStore.getState();

let validateTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Ask the server for the problems `delay` ms from now, unless by then the problems held are
 * those of the draft version the canvas shows. After an edit the server pushes them
 * (validation.updated); this is the fallback for a lost push, so each edit costs one
 * validation on the server, not two.
 */
export function requestValidation(delay = 1500): void {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => {
    if (delay > 0 && problemsCurrent(store())) return;
    draftApi
      .validate()
      .then((result) => store().setProblems(result.problems, result.draftVersion))
      .catch(() => undefined);
  }, delay);
}

function changed(draftVersion: number | undefined): void {
  store().seeVersion(draftVersion);
  requestValidation();
}

/** Load one object again after a 412 and tell the admin their change was not saved. */
export async function reloadObject(id: number, what = 'this object'): Promise<void> {
  try {
    store().upsertObject(await objectsApi.get(id));
  } catch (error) {
    if (isApiError(error, 404)) store().removeNodes([nodeId(id)]);
  }
  notifications.show({
    color: 'yellow',
    title: `Someone else changed ${what} — reloaded`,
    message: 'Your change was not saved. Look at the current version and try again.',
  });
}

async function reloadCable(id: number): Promise<void> {
  try {
    store().upsertCable(await cablesApi.get(id));
  } catch (error) {
    if (isApiError(error, 404)) store().removeEdges([edgeId(id)]);
  }
  notifications.show({ color: 'yellow', title: 'Someone else changed this cable — reloaded', message: 'Your change was not saved.' });
}

export async function createObject(input: ObjectInput): Promise<WorkspaceObject> {
  const object = await objectsApi.create(input);
  store().upsertObject(object);
  changed(object.draftVersion);
  return object;
}

/** The object's current version: the store's copy, or the server's when it is not on the canvas. */
async function currentObject(id: number): Promise<{ id: number; version: number; name: string }> {
  const node = findNode(id);
  if (node) return { id, version: node.data.version, name: node.data.name };
  const object = await objectsApi.get(id);
  return { id, version: object.version, name: object.name };
}

/** `version`: the one the admin's edit started from (a form), else the canvas' current one. */
export async function updateObject(id: number, changes: ObjectChanges, version?: number): Promise<WorkspaceObject> {
  const current = await currentObject(id);
  try {
    const object = await objectsApi.update({ id, version: version ?? current.version }, changes);
    store().upsertObject(object);
    changed(object.draftVersion);
    return object;
  } catch (error) {
    if (isApiError(error, 412)) await reloadObject(id, current.name);
    throw error;
  }
}

export async function moveObject(id: number, position: XY): Promise<void> {
  store().moveNode(nodeId(id), position);
  const object = await objectsApi.move(id, position);
  store().seeVersion(object.draftVersion);
}

/** Delete an object with its cables; an object already gone counts as deleted. */
export async function deleteObject(id: number): Promise<void> {
  let current: { id: number; version: number; name: string };
  try {
    current = await currentObject(id);
    await objectsApi.remove(current);
  } catch (error) {
    if (isApiError(error, 404)) return void store().removeNodes([nodeId(id)]);
    if (isApiError(error, 412)) await reloadObject(id);
    throw error;
  }
  store().removeNodes([nodeId(id)]);
  changed(undefined);
  await refreshRingGroupsOf(id);
}

/**
 * The server drops a deleted object from the ring groups' timelines, which bumps their
 * versions: load those groups again so the next edit sends the current version.
 */
async function refreshRingGroupsOf(id: number): Promise<void> {
  const groups = store().nodes.filter((n) => n.type === 'ring_group' && n.data.properties.members?.some((m) => m.target === id));
  await Promise.all(groups.map((g) => objectsApi.get(Number(g.id)).then((o) => store().upsertObject(o), () => undefined)));
}

export async function createCable(input: CableInput): Promise<Cable> {
  const cable = await cablesApi.create(input);
  store().upsertCable(cable);
  changed(cable.draftVersion);
  return cable;
}

export async function deleteCable(id: number): Promise<void> {
  const edge = findEdge(id);
  try {
    const version = edge?.data?.version ?? (await cablesApi.get(id)).version;
    await cablesApi.remove({ id, version });
  } catch (error) {
    if (isApiError(error, 404)) return void store().removeEdges([edgeId(id)]);
    if (isApiError(error, 412)) await reloadCable(id);
    throw error;
  }
  store().removeEdges([edgeId(id)]);
  changed(undefined);
}
