/**
 * The state machine of one call of the web phone, pure: the JsSIP wrapper turns session
 * events into `CallEvent`s and the UI draws the `CallState` the reducer returns. Events that
 * make no sense in a phase (muting a call that is still ringing, a late "accepted" after the
 * end) leave the state as it was.
 */

export type CallDirection = 'incoming' | 'outgoing';
export type CallPhase = 'ringing' | 'calling' | 'connected' | 'ended';
export type EndReason = 'hung_up' | 'remote_hung_up' | 'declined' | 'missed' | 'cancelled' | 'busy' | 'failed';

export interface CallState {
  id: string;
  direction: CallDirection;
  phase: CallPhase;
  /** The other party: the number (SIP user) and its display name when one came. */
  number: string;
  name: string | null;
  /** The route the call came through (the SIP server's X-Callflow-Route), incoming only. */
  route: string | null;
  lineId: number;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
  /** Why it failed, as JsSIP says it ("User Denied Media Access", "Busy"...). */
  cause: string | null;
  muted: boolean;
  held: boolean;
}

export type CallEvent =
  | { type: 'incoming'; id: string; number: string; name: string | null; route: string | null; lineId: number; at: number }
  | { type: 'dialing'; id: string; number: string; name: string | null; lineId: number; at: number }
  | { type: 'accepted'; at: number }
  | { type: 'ended'; at: number; reason: EndReason; cause?: string | null }
  | { type: 'muted'; on: boolean }
  | { type: 'held'; on: boolean };

export function callReducer(state: CallState | null, event: CallEvent): CallState | null {
  switch (event.type) {
    case 'incoming':
    case 'dialing':
      if (state && state.phase !== 'ended') return state; // one call at a time
      return {
        id: event.id,
        direction: event.type === 'incoming' ? 'incoming' : 'outgoing',
        phase: event.type === 'incoming' ? 'ringing' : 'calling',
        number: event.number,
        name: event.name,
        route: event.type === 'incoming' ? event.route : null,
        lineId: event.lineId,
        startedAt: event.at,
        answeredAt: null,
        endedAt: null,
        endReason: null,
        cause: null,
        muted: false,
        held: false,
      };
    case 'accepted':
      if (!state || (state.phase !== 'ringing' && state.phase !== 'calling')) return state;
      return { ...state, phase: 'connected', answeredAt: event.at };
    case 'ended':
      if (!state || state.phase === 'ended') return state;
      return { ...state, phase: 'ended', endedAt: event.at, endReason: event.reason, cause: event.cause ?? null };
    case 'muted':
      return state?.phase === 'connected' ? { ...state, muted: event.on } : state;
    case 'held':
      return state?.phase === 'connected' ? { ...state, held: event.on } : state;
  }
}

/** Seconds talked (0 when never answered). */
export function talkSeconds(call: CallState, now: number = Date.now()): number {
  if (call.answeredAt === null) return 0;
  return Math.max(0, Math.round(((call.endedAt ?? now) - call.answeredAt) / 1000));
}

/** "1:05", "12:00", "1:02:03". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
