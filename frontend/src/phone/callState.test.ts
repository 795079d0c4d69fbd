import { describe, expect, it } from 'vitest';
import { type CallState, callReducer, formatDuration, talkSeconds } from './callState';

const incoming = { type: 'incoming', id: 'a', number: '101', name: 'Mike Brown', route: 'Extension 102', lineId: 7, at: 1000 } as const;
const ring = () => callReducer(null, incoming) as CallState;

describe('callReducer', () => {
  it('when a second call comes during a call then the first one stays', () => {
    const first = ring();
    expect(callReducer(first, { ...incoming, id: 'b', number: '103' })).toBe(first);
  });

  it('when muted or held before the answer then nothing changes', () => {
    const ringing = ring();
    expect(callReducer(ringing, { type: 'muted', on: true })).toBe(ringing);
    expect(callReducer(ringing, { type: 'held', on: true })).toBe(ringing);
  });

  it('when accepted or ended after the end then the end stands', () => {
    const ended = callReducer(ring(), { type: 'ended', at: 2000, reason: 'missed' });
    expect(callReducer(ended, { type: 'accepted', at: 3000 })).toBe(ended);
    expect(callReducer(ended, { type: 'ended', at: 4000, reason: 'failed' })).toBe(ended);
  });

  it('when an incoming call rings, is answered, muted and hung up then each phase follows', () => {
    const ringing = ring();
    expect(ringing).toMatchObject({ phase: 'ringing', direction: 'incoming', route: 'Extension 102' });
    const talking = callReducer(ringing, { type: 'accepted', at: 1500 });
    expect(talking).toMatchObject({ phase: 'connected', answeredAt: 1500 });
    const muted = callReducer(talking, { type: 'muted', on: true });
    expect(muted?.muted).toBe(true);
    const ended = callReducer(muted, { type: 'ended', at: 66500, reason: 'hung_up' }) as CallState;
    expect(ended).toMatchObject({ phase: 'ended', endReason: 'hung_up' });
    expect(talkSeconds(ended)).toBe(65);
  });

  it('when a new call starts after the last ended then it replaces it', () => {
    const ended = callReducer(ring(), { type: 'ended', at: 2000, reason: 'declined' });
    const next = callReducer(ended, { type: 'dialing', id: 'c', number: '102', name: null, lineId: 7, at: 3000 });
    expect(next).toMatchObject({ id: 'c', phase: 'calling', direction: 'outgoing', route: null });
  });
});

describe('formatDuration', () => {
  it('when formatted then minutes and seconds, hours only when there are some', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});
