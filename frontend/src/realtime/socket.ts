/**
 * The Socket.IO connection to the /workspace namespace. The server authenticates it from the
 * session cookie and chooses the rooms; nothing connects until a caller says so. Payloads
 * arrive in snake_case; `camel()` gives them the app's shape.
 */
import { io, type Socket } from 'socket.io-client';
import { toCamelKeys } from '../api/client';

type Payload = Record<string, unknown>;
type Listener = (payload: Payload) => void;

/** What the server sends on /workspace; each change carries the draft version and its author. */
export interface WorkspaceServerEvents {
  'object.created': Listener;
  'object.updated': Listener;
  'object.deleted': Listener;
  'cable.created': Listener;
  'cable.deleted': Listener;
  'tab.created': Listener;
  'tab.updated': Listener;
  'tab.deleted': Listener;
  'validation.updated': Listener;
  presence: Listener;
  'revision.published': Listener;
  'draft.replaced': Listener;
  'draft.pending': Listener;
  'device.status': Listener;
  'recording.updated': Listener;
  'call.updated': Listener;
  drag: Listener;
  cursor: Listener;
}

/** The join_tab acknowledgement. */
export interface JoinAck {
  ok: boolean;
  error?: string;
  tab_id?: number;
  /** This socket's admin session: events naming it are this browser's own echo. */
  actor?: number;
  draft_version?: number;
  presence?: Payload;
}

export interface WorkspaceClientEvents {
  join_tab: (data: { tab_id: number }, ack: (answer: JoinAck) => void) => void;
  leave_tab: (data: Record<string, never>) => void;
  drag: (data: { object_id: number; x: number; y: number }) => void;
  cursor: (data: { x: number; y: number }) => void;
}

export type WorkspaceSocket = Socket<WorkspaceServerEvents, WorkspaceClientEvents>;

type Handler = (...args: unknown[]) => void;
type Handlers = { [E in keyof WorkspaceServerEvents]?: WorkspaceServerEvents[E] } & {
  connect?: () => void;
  disconnect?: (reason: string) => void;
};

/** How long the connection outlives its last listener: moving between pages keeps it. */
const CLOSE_AFTER_MS = 2000;

let shared: WorkspaceSocket | null = null;
let listeners = 0;
let closing: number | null = null;

/**
 * Listen on the page's one /workspace connection; `stop()` removes these handlers. Every hook
 * shares it: on `workspace serve` each open WebSocket holds a server thread, and one per live
 * list made a browser tab hold two to four. WebSocket only: one connection, so several server
 * workers or hosts need no sticky sessions (long-polling would spread one session's requests
 * over them). A `connect` handler also runs at once when the connection is already up, so a
 * listener that joins late does what it does on connecting (join its tab, load again).
 */
export function subscribeWorkspace(handlers: Handlers): { socket: WorkspaceSocket; stop: () => void } {
  if (closing !== null) window.clearTimeout(closing);
  closing = null;
  shared ??= io('/workspace', { withCredentials: true, autoConnect: false, transports: ['websocket'] });
  const socket = shared;
  const untyped = socket as unknown as Socket;
  const entries = Object.entries(handlers) as [string, Handler][];
  for (const [event, handler] of entries) untyped.on(event, handler);
  listeners += 1;
  let stopped = false;
  // After the caller has the socket in hand (its connect handler may use it).
  if (socket.connected) queueMicrotask(() => !stopped && handlers.connect?.());
  else if (!socket.active) socket.connect(); // new, or closed by the server (a logout)
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const [event, handler] of entries) untyped.off(event, handler);
    listeners -= 1;
    if (listeners > 0) return;
    closing = window.setTimeout(() => {
      closing = null;
      if (listeners > 0 || shared !== socket) return;
      socket.disconnect();
      shared = null;
    }, CLOSE_AFTER_MS);
  };
  return { socket, stop };
}

export const camel = <T>(payload: unknown): T => toCamelKeys(payload) as T;
