/**
 * This browser's call history: the web phone's own calls, newest first, kept in
 * localStorage per device (another device activated in this browser has its own).
 */
import { type CallState, type EndReason, talkSeconds } from './callState';

export const HISTORY_LIMIT = 100;

export interface HistoryEntry {
  id: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  name: string | null;
  route: string | null;
  startedAt: number;
  seconds: number;
  outcome: 'answered' | EndReason;
}

/** The history entry of an ended call. */
export function historyEntry(call: CallState): HistoryEntry {
  const answered = call.answeredAt !== null;
  return {
    id: call.id,
    direction: call.direction,
    number: call.number,
    name: call.name,
    route: call.route,
    startedAt: call.startedAt,
    seconds: talkSeconds(call),
    outcome: answered ? 'answered' : (call.endReason ?? 'failed'),
  };
}

/** The entry added at the top; a call recorded twice stays once; the oldest fall off. */
export function addEntry(entries: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...entries.filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT);
}

const key = (deviceId: number) => `callflow.webphone.history.${deviceId}`;

function isEntry(value: unknown): value is HistoryEntry {
  const e = value as HistoryEntry;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.number === 'string' && typeof e.startedAt === 'number';
}

/** The stored history; anything unreadable counts as none. */
export function loadHistory(deviceId: number, storage: Storage = localStorage): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(deviceId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

export function saveHistory(deviceId: number, entries: HistoryEntry[], storage: Storage = localStorage): void {
  storage.setItem(key(deviceId), JSON.stringify(entries));
}

export function clearHistory(deviceId: number, storage: Storage = localStorage): void {
  storage.removeItem(key(deviceId));
}
