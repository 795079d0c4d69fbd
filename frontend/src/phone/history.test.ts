import { describe, expect, it } from 'vitest';
import { type CallState, callReducer } from './callState';
import { HISTORY_LIMIT, type HistoryEntry, addEntry, historyEntry, loadHistory, saveHistory } from './history';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}
const memory = () => new MemoryStorage() as unknown as Storage;

function entry(id: string): HistoryEntry {
  return { id, direction: 'outgoing', number: '102', name: null, route: null, startedAt: 1, seconds: 0, outcome: 'answered' };
}

describe('call history', () => {
  it('when the stored history is garbage then it reads as empty', () => {
    const storage = memory();
    storage.setItem('callflow.webphone.history.5', '{not json');
    expect(loadHistory(5, storage)).toEqual([]);
    storage.setItem('callflow.webphone.history.5', JSON.stringify([{ id: 3 }, entry('ok')]));
    expect(loadHistory(5, storage).map((e) => e.id)).toEqual(['ok']);
  });

  it('when a call is added twice then it stays once, and the oldest fall off past the limit', () => {
    let entries: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) entries = addEntry(entries, entry(String(i)));
    entries = addEntry(entries, entry(String(HISTORY_LIMIT + 4)));
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0].id).toBe(String(HISTORY_LIMIT + 4));
    expect(entries.filter((e) => e.id === String(HISTORY_LIMIT + 4))).toHaveLength(1);
  });

  it('when saved per device then another device of this browser does not see it', () => {
    const storage = memory();
    saveHistory(5, [entry('a')], storage);
    expect(loadHistory(5, storage).map((e) => e.id)).toEqual(['a']);
    expect(loadHistory(6, storage)).toEqual([]);
  });

  it('when a ringing call ends unanswered then it is missed; an answered one keeps its talk time', () => {
    const ringing = callReducer(null, { type: 'incoming', id: 'x', number: '101', name: 'Mike', route: null, lineId: 1, at: 0 });
    expect(historyEntry(callReducer(ringing, { type: 'ended', at: 9000, reason: 'missed' }) as CallState).outcome).toBe('missed');
    const talked = callReducer(callReducer(ringing, { type: 'accepted', at: 1000 }), { type: 'ended', at: 31000, reason: 'hung_up' });
    expect(historyEntry(talked as CallState)).toMatchObject({ outcome: 'answered', seconds: 30, name: 'Mike' });
  });
});
