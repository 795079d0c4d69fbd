/**
 * Calls in progress, as "call.updated" events report them while the workspace is open. The
 * canvas lights their paths with the simulator's highlight (LiveCallIndicator does the
 * lighting); an ended call leaves the set.
 */
import { create } from 'zustand';
import { type Call, callsApi } from '../api/calls';

interface LiveCallsState {
  calls: Record<number, Call>;
}

export const useLiveCallsStore = create<LiveCallsState>()(() => ({ calls: {} }));

/** Calls heard ending in this page: a list loaded meanwhile must not bring them back. */
const ended = new Set<number>();

/** Apply one event idempotently: an older version than the one held changes nothing. */
export function applyLiveCall(call: Call): void {
  const { calls } = useLiveCallsStore.getState();
  const held = calls[call.id];
  if (held && held.version >= call.version) return;
  const next = { ...calls };
  if (call.state === 'ended') {
    ended.add(call.id);
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

/** Start from the calls in progress now (on connect and after a reconnect); events go on from there. */
export async function loadLiveCalls(): Promise<void> {
  try {
    const { items } = await callsApi.active();
    // The server's list replaces what was held (a call may have ended while we were away),
    // but an event that came while it loaded may be newer: the higher version wins.
    const held = useLiveCallsStore.getState().calls;
    const calls: Record<number, Call> = {};
    for (const call of items) {
      if (ended.has(call.id)) continue;
      const mine = held[call.id];
      calls[call.id] = mine && mine.version > call.version ? mine : call;
    }
    useLiveCallsStore.setState({ calls });
  } catch {
    // The canvas works without them; the next call.updated brings calls in again.
  }
}
