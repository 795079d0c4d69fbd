/** Copy and paste of objects with the cables between them (the app's own clipboard). */
import { notifications } from '@mantine/notifications';
import { useCanvasStore } from '../store/canvas';
import type { CableSnap, ObjectSnap } from '../store/history';
import { snapCable, snapObject } from './actions';
import { notifyRefused } from './feedback';
import { currentObjectId, record, restore } from './history';

let copied: { objects: ObjectSnap[]; cables: CableSnap[] } | null = null;
let pastes = 0;
const OFFSET = 40;

export function copySelection(): number {
  const { nodes, edges } = useCanvasStore.getState();
  const chosen = nodes.filter((n) => n.selected && n.id !== 'new');
  if (chosen.length === 0) return 0;
  const ids = new Set(chosen.map((n) => n.id));
  copied = {
    objects: chosen.map(snapObject),
    cables: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(snapCable),
  };
  pastes = 0;
  return chosen.length;
}

/** Paste the copies a little below and to the right; undo deletes them again. */
export async function paste(): Promise<void> {
  const tabId = useCanvasStore.getState().tabId;
  if (!copied || tabId === null) return;
  pastes += 1;
  const shift = OFFSET * pastes;
  // Negative ids: the paste's own objects, aliased to the new ids as they are created.
  const fresh = new Map(copied.objects.map((o, index) => [o.id, -(Date.now() * 1000 + index)]));
  const objects = copied.objects.map((o) => ({
    ...o,
    id: fresh.get(o.id)!,
    position: { x: o.position.x + shift, y: o.position.y + shift },
    properties: remapMembers(o.properties, fresh),
  }));
  const cables = copied.cables.map((c, index) => ({ ...c, id: -(Date.now() * 1000 + 500 + index), source: fresh.get(c.source)!, target: fresh.get(c.target)! }));
  try {
    await restore(tabId, objects, cables);
    record({ kind: 'create', label: `Paste ${objects.length} object${objects.length === 1 ? '' : 's'}`, tabId, objects, cables });
    useCanvasStore.getState().select(objects.map((o) => String(currentObjectId(o.id))));
    notifications.show({ color: 'teal', title: `Pasted ${objects.length} object${objects.length === 1 ? '' : 's'}`, message: '' });
  } catch (error) {
    notifyRefused('Not pasted', error);
  }
}

function remapMembers(properties: Record<string, unknown>, fresh: Map<number, number>): Record<string, unknown> {
  const members = properties.members;
  if (!Array.isArray(members)) return properties;
  return {
    ...properties,
    members: members.filter((m: { target: number }) => fresh.has(m.target)).map((m: { target: number }) => ({ ...m, target: fresh.get(m.target)! })),
  };
}
