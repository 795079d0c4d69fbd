/**
 * Keep the header's pending-changes count live on every page: each admin of the account hears
 * `draft.pending` after any canvas edit, publish or rollback (by anyone), and the cached count
 * is replaced by the server's.
 */
import { useEffect } from 'react';
import { type Pending, pendingKey, previewKey } from '../api/pending';
import { queryKeys } from '../api/queryKeys';
import { queryClient } from '../queryClient';
import { camel, subscribeWorkspace } from './socket';

export function usePendingLive(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    return subscribeWorkspace({
      'draft.pending': (p) => {
        queryClient.setQueryData(pendingKey, camel<Pending>(p));
        void queryClient.invalidateQueries({ queryKey: previewKey });
      },
      'revision.published': () => {
        void queryClient.invalidateQueries({ queryKey: pendingKey });
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspaceState });
      },
      // After a lost connection the count may be stale: ask again.
      connect: () => void queryClient.invalidateQueries({ queryKey: pendingKey }),
    }).stop;
  }, [enabled]);
}
