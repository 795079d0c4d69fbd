/**
 * Undo and redo that survive the server round trip: undoing a create deletes, undoing a
 * delete creates the objects again (same type, name, position, properties) with their
 * cables. Re-created items get new ids, so older steps reach them through an alias.
 */
import { notifications } from '@mantine/notifications';
import type { TimelineEntry } from '../nodes/types';
import { type CableSnap, type HistoryEntry, type ObjectSnap, useHistoryStore } from '../store/history';
import { createCable, createObject, deleteCable, deleteObject, moveObject, updateObject } from './ops';

const objectAlias = new Map<number, number>();
const cableAlias = new Map<number, number>();

function resolve(aliases: Map<number, number>, id: number): number {
  let current = id;
  for (let hops = 0; aliases.has(current) && hops < 1000; hops += 1) current = aliases.get(current)!;
  return current;
}

export const currentObjectId = (id: number): number => resolve(objectAlias, id);

function withMembersResolved(properties: Record<string, unknown>): Record<string, unknown> {
  const members = properties.members;
  if (!Array.isArray(members)) return properties;
  return { ...properties, members: (members as TimelineEntry[]).map((m) => ({ ...m, target: resolve(objectAlias, m.target) })) };
}

/** Create the objects, then the cables between them (and to objects still there), then put back what the deletion changed elsewhere. */
export async function restore(tabId: number, objects: ObjectSnap[], cables: CableSnap[], touched: ObjectSnap[] = []): Promise<void> {
  // Objects whose properties point at others come last, so the pointers can be resolved.
  const ordered = [...objects].sort((a, b) => Number(Array.isArray(a.properties.members)) - Number(Array.isArray(b.properties.members)));
  for (const snap of ordered) {
    const created = await createObject({ tabId, type: snap.type, name: snap.name, position: snap.position, properties: withMembersResolved(snap.properties) });
    objectAlias.set(resolve(objectAlias, snap.id), created.id);
  }
  for (const snap of cables) {
    const created = await createCable({
      source: resolve(objectAlias, snap.source),
      sourcePort: snap.sourcePort,
      target: resolve(objectAlias, snap.target),
      targetPort: snap.targetPort,
    });
    cableAlias.set(resolve(cableAlias, snap.id), created.id);
  }
  for (const snap of touched) await updateObject(resolve(objectAlias, snap.id), { properties: withMembersResolved(snap.properties) });
}

/** Delete the cables (those of deleted objects go with them), then the objects. */
export async function remove(objects: ObjectSnap[], cables: CableSnap[]): Promise<void> {
  const gone = new Set(objects.map((o) => o.id));
  for (const snap of cables) {
    if (!gone.has(snap.source) && !gone.has(snap.target)) await deleteCable(resolve(cableAlias, snap.id));
  }
  for (const snap of objects) await deleteObject(resolve(objectAlias, snap.id));
}

async function replay(entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<void> {
  const forward = direction === 'redo';
  switch (entry.kind) {
    case 'create':
    case 'delete': {
      const adds = (entry.kind === 'create') === forward;
      return adds ? restore(entry.tabId, entry.objects, entry.cables, entry.touched) : remove(entry.objects, entry.cables);
    }
    case 'move':
      for (const move of entry.moves) await moveObject(resolve(objectAlias, move.id), forward ? move.to : move.from);
      return;
    case 'edit':
      await updateObject(resolve(objectAlias, entry.id), forward ? entry.after : entry.before);
  }
}

async function step(direction: 'undo' | 'redo'): Promise<void> {
  const history = useHistoryStore.getState();
  const from = direction === 'undo' ? history.past : history.future;
  const entry = from[from.length - 1];
  if (!entry || history.busy) return;
  useHistoryStore.setState({ busy: true });
  const rest = from.slice(0, -1);
  try {
    await replay(entry, direction);
    useHistoryStore.setState((state) =>
      direction === 'undo' ? { past: rest, future: [...state.future, entry] } : { future: rest, past: [...state.past, entry] },
    );
  } catch (error) {
    // The step no longer fits what the server holds (someone else changed it): drop it.
    useHistoryStore.setState(direction === 'undo' ? { past: rest } : { future: rest });
    notifications.show({
      color: 'red',
      title: `Could not ${direction} “${entry.label}”`,
      message: error instanceof Error ? error.message : 'Something went wrong.',
    });
  } finally {
    useHistoryStore.setState({ busy: false });
  }
}

export const undo = (): Promise<void> => step('undo');
export const redo = (): Promise<void> => step('redo');
export const record = (entry: HistoryEntry): void => useHistoryStore.getState().push(entry);

export function clearHistory(): void {
  useHistoryStore.getState().clear();
  objectAlias.clear();
  cableAlias.clear();
}
