/** How the call log names a call's outcome and its parties. */
import type { Call, CallCause, CallMember, CallState } from '../../api/calls';

export const CAUSE: Record<CallCause, { label: string; color: string }> = {
  answered: { label: 'Answered', color: 'teal' },
  no_answer: { label: 'No answer', color: 'orange' },
  caller_cancel: { label: 'Caller hung up', color: 'gray' },
  busy: { label: 'Busy', color: 'orange' },
  rejected: { label: 'Rejected', color: 'red' },
  not_found: { label: 'Not found', color: 'red' },
  forbidden: { label: 'Forbidden', color: 'red' },
  unsupported: { label: 'Not supported', color: 'red' },
  error: { label: 'Error', color: 'red' },
};

export const STATE: Record<Exclude<CallState, 'ended'>, { label: string; color: string }> = {
  routing: { label: 'Routing', color: 'blue' },
  ringing: { label: 'Ringing', color: 'blue' },
  answered: { label: 'In call', color: 'green' },
};

/** The badge of a call: its live state, or how it ended. */
export function outcome(call: Call): { label: string; color: string; live: boolean } {
  if (call.state !== 'ended') return { ...STATE[call.state], live: true };
  const known = call.cause ? CAUSE[call.cause] : undefined;
  return { ...(known ?? { label: 'Ended', color: 'gray' }), live: false };
}

/** A member as a person reads it: the contact, else the SIP username, else the number. */
export function memberName(member: CallMember | null): string {
  if (!member) return '—';
  return member.contact?.name ?? member.username ?? member.number ?? 'Unknown';
}

/** "ext:101" is the internal number 101. */
export function routeLabel(route: string): string {
  return route.startsWith('ext:') ? `Ext. ${route.slice(4)}` : route;
}
