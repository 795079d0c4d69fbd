/**
 * Calls in progress, as "call.updated" events report them while the workspace is open. The
 * canvas lights their paths with the simulator's highlight (LiveCallIndicator does the
 * lighting); an ended call leaves the set.
 */
import { create } from 'zustand';
import type { Call } from '../api/calls';

interface LiveCallsState {
  calls: Record<number, Call>;
}

export const useLiveCallsStore = create<LiveCallsState>()(() => ({ calls: {} }));

/** Apply one event idempotently: an older version than the one held changes nothing. */
export function applyLiveCall(call: Call): void {
  const { calls } = useLiveCallsStore.getState();
  const held = calls[call.id];
  if (held && held.version >= call.version) return;
  const next = { ...calls };
  if (call.state === 'ended') {
    if (!held) return;
    delete next[call.id];
  } else {
    next[call.id] = call;
  }
  useLiveCallsStore.setState({ calls: next });
}

export function clearLiveCalls(): void {
  useLiveCallsStore.setState({ calls: {} });
}
