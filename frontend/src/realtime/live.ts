/** The live connection's state (connected, presence, own actor) and the relays the canvas sends. */
import { create } from 'zustand';
import type { XY } from '../api/workspace';
import { catchUpFrom } from '../canvas/load';
import type { WorkspaceSocket } from './socket';

export interface PresentAdmin {
  adminId: number;
  name: string;
  /** Their admin session: one person may have two sessions open. */
  actor: number;
}

export interface RemoteCursor {
  name: string;
  x: number;
  y: number;
}

interface LiveState {
  connected: boolean;
  /** Lost after having been connected: the canvas says it is reconnecting. */
  reconnecting: boolean;
  actor: number | null;
  present: PresentAdmin[];
  /** Other admins' pointers on the canvas, by actor, in flow coordinates. */
  cursors: Record<number, RemoteCursor>;
}

export const useLiveStore = create<LiveState>()(() => ({ connected: false, reconnecting: false, actor: null, present: [], cursors: {} }));

let socket: WorkspaceSocket | null = null;

export function setLiveSocket(next: WorkspaceSocket | null): void {
  socket = next;
}

/** Show the others where an object is being dragged (not saved: the drag's end saves it). */
export function emitDrag(objectId: number, position: XY): void {
  if (socket?.connected) socket.emit('drag', { object_id: objectId, x: position.x, y: position.y });
}

let lastCursor = 0;

/** Show the others where this admin's pointer is (flow coordinates), at most ~15 times a second. */
export function emitCursor(position: XY): void {
  const now = performance.now();
  if (now - lastCursor < 66 || !socket?.connected) return;
  lastCursor = now;
  socket.emit('cursor', { x: Math.round(position.x), y: Math.round(position.y) });
}

/** Ask to be in the tab's room: its events, its presence. */
export function joinTab(tabId: number): void {
  useLiveStore.setState({ cursors: {} });
  socket?.emit('join_tab', { tab_id: tabId }, (answer) => {
    if (!answer.ok) return;
    useLiveStore.setState({ actor: answer.actor ?? null });
    if (answer.draft_version !== undefined) catchUpFrom(tabId, answer.draft_version);
  });
}
