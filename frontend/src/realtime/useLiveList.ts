/**
 * A list page's live connection: one /workspace event patches the cached list, and every
 * (re)connect fetches the list again. The first connect counts too: the page's first fetch
 * runs beside the socket's handshake, and a change committed between that fetch's read and
 * the server joining this socket to the account's room is pushed to nobody (a call that
 * ended while the call log was loading stayed "In call" until a reload). On a page reached
 * while the shared connection is up, `connect` runs at once (subscribeWorkspace) and fetches
 * too: a list cached from an earlier visit (staleTime) missed the events sent meanwhile.
 */
import { type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryClient } from '../queryClient';
import { camel, subscribeWorkspace, type WorkspaceServerEvents } from './socket';

/** `queryKey` and `apply` are module-level constants at every call site: one connection per mount. */
export function useLiveList<T>(event: keyof WorkspaceServerEvents, queryKey: QueryKey, apply: (payload: T) => void): void {
  useEffect(
    () =>
      subscribeWorkspace({
        connect: () => void queryClient.invalidateQueries({ queryKey }),
        [event]: (payload: Record<string, unknown>) => apply(camel<T>(payload)),
      }).stop,
    [event, queryKey, apply],
  );
}
