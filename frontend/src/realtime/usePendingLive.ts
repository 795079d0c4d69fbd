/**
 * Keep the header's pending-changes count live on every page: each admin of the account hears
 * `draft.pending` after any canvas edit, publish or rollback (by anyone), and the cached count
 * is replaced by the server's.
 */
import { useEffect } from 'react';
import { type Pending, pendingKey, previewKey } from '../api/pending';
import { queryKeys } from '../api/queryKeys';
import { queryClient } from '../queryClient';
import { camel, createWorkspaceSocket } from './socket';

export function usePendingLive(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const socket = createWorkspaceSocket();
    socket.on('draft.pending', (p) => {
      queryClient.setQueryData(pendingKey, camel<Pending>(p));
      void queryClient.invalidateQueries({ queryKey: previewKey });
    });
    socket.on('revision.published', () => {
      void queryClient.invalidateQueries({ queryKey: pendingKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaceState });
    });
    // After a lost connection the count may be stale: ask again.
    socket.on('connect', () => void queryClient.invalidateQueries({ queryKey: pendingKey }));
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [enabled]);
}
