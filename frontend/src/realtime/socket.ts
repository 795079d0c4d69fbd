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

/**
 * A new, unconnected socket; call `.connect()` when the page that needs it mounts.
 * WebSocket only: one connection, so several server workers or hosts need no sticky
 * sessions (long-polling would spread one session's requests over them).
 */
export function createWorkspaceSocket(): WorkspaceSocket {
  return io('/workspace', { withCredentials: true, autoConnect: false, transports: ['websocket'] });
}

export const camel = <T>(payload: unknown): T => toCamelKeys(payload) as T;
