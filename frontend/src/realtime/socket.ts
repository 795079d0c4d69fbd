/**
 * The Socket.IO connection to the /workspace namespace. The server authenticates it from the
 * session cookie and chooses the rooms; nothing connects until a caller says so.
 */
import { io, type Socket } from 'socket.io-client';

/** Each event carries the new version, so applying one twice is harmless. */
export interface VersionedEvent {
  version: number;
  [field: string]: unknown;
}

export interface WorkspaceServerEvents {
  'object.created': (event: VersionedEvent) => void;
  'object.updated': (event: VersionedEvent) => void;
  'object.deleted': (event: VersionedEvent) => void;
  'cable.created': (event: VersionedEvent) => void;
  'cable.deleted': (event: VersionedEvent) => void;
  validation: (event: VersionedEvent) => void;
  presence: (event: Record<string, unknown>) => void;
  'revision.published': (event: VersionedEvent) => void;
  'device.status': (event: VersionedEvent) => void;
}

export type WorkspaceClientEvents = Record<string, (...args: unknown[]) => void>;

export type WorkspaceSocket = Socket<WorkspaceServerEvents, WorkspaceClientEvents>;

/** A new, unconnected socket; call `.connect()` when the page that needs it mounts. */
export function createWorkspaceSocket(): WorkspaceSocket {
  return io('/workspace', { withCredentials: true, autoConnect: false });
}
