/**
 * The web phone's state for the React UI (a zustand store) and the controller that keeps it:
 * activation, the JsSIP engine, heartbeats, the /device socket that says "config changed"
 * or closes on a reset, stats during a call, the ring and the history.
 */
import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import { type CallEvent, type CallState, callReducer } from './callState';
import { type DeviceConfig, NotActivated, activate, fetchConfig, heartbeat } from './deviceClient';
import { normalizeDial } from './dial';
import type { LineState, MediaStats, PhoneEngine } from './engine';
import { type HistoryEntry, addEntry, historyEntry, loadHistory, saveHistory } from './history';
import { setRingerOutput, startRinging, stopRinging } from './ringer';
import { activeDevice, forgetDevice, saveDevice } from './tokens';

export type PhoneStatus = 'none' | 'starting' | 'ready' | 'not_activated';

export interface PhoneLine {
  id: number;
  username: string;
  state: LineState;
  detail: string | null;
}

export interface PhoneState {
  status: PhoneStatus;
  deviceId: number | null;
  deviceName: string | null;
  contactName: string | null;
  lines: PhoneLine[];
  call: CallState | null;
  stats: MediaStats | null;
  history: HistoryEntry[];
  open: boolean;
  /** A message the person should read (microphone refused, a failed activation...). */
  error: string | null;
  inputId: string | null;
  outputId: string | null;
}

const initial: PhoneState = {
  status: 'none',
  deviceId: null,
  deviceName: null,
  contactName: null,
  lines: [],
  call: null,
  stats: null,
  history: [],
  open: false,
  error: null,
  inputId: null,
  outputId: null,
};

export const usePhone = create<PhoneState>(() => initial);
const set = usePhone.setState;
const get = usePhone.getState;

const HEARTBEAT_MS = 30_000;
const ENDED_SHOWN_MS = 5_000;
const ICE_RENEW_MARGIN_MS = 10 * 60_000;

let engine: PhoneEngine | null = null;
let token: string | null = null;
let etag: string | null = null;
let socket: Socket | null = null;
let beatTimer: number | null = null;
let statsTimer: number | null = null;
let clearTimer: number | null = null;
let iceTimer: number | null = null;
/** The config moved during a call: the lines restart with it once the call is over. */
let configDeferred = false;

function onLine(id: number, state: LineState, detail?: string): void {
  set({ lines: get().lines.map((l) => (l.id === id ? { ...l, state, detail: detail ?? null } : l)) });
  if (state === 'registered' || state === 'unregistered') void beat();
}

function onCall(event: CallEvent): void {
  const call = callReducer(get().call, event);
  if (call === get().call) return;
  if (clearTimer !== null) window.clearTimeout(clearTimer);
  set({ call });
  if (!call) return;
  if (call.phase === 'ringing') {
    set({ open: true, stats: null });
    startRinging();
  } else {
    stopRinging();
  }
  if (call.phase === 'connected') watchStats();
  if (call.phase === 'ended') {
    stopStats();
    const deviceId = get().deviceId;
    const history = addEntry(get().history, historyEntry(call));
    if (deviceId) saveHistory(deviceId, history);
    set({ history });
    clearTimer = window.setTimeout(() => {
      if (get().call?.id !== call.id) return;
      set({ call: null });
      if (configDeferred) void refresh();
    }, ENDED_SHOWN_MS);
  }
}

function watchStats(): void {
  stopStats();
  statsTimer = window.setInterval(() => {
    void engine?.stats().then((stats) => stats && set({ stats }));
  }, 1000);
}

function stopStats(): void {
  if (statsTimer !== null) window.clearInterval(statsTimer);
  statsTimer = null;
}

async function beat(): Promise<void> {
  if (!token || !engine) return;
  try {
    await heartbeat(token, engine.registrations());
  } catch (error) {
    if (error instanceof NotActivated) deactivate();
  }
}

/** Start the engine for a device's config; the previous one unregisters first. JsSIP loads
 * only here, for a browser that is a phone: the portal's other pages never pay for it. */
async function run(config: DeviceConfig): Promise<void> {
  engine?.stop();
  engine = null;
  etag = config.etag;
  set({
    status: 'ready',
    deviceId: config.device.id,
    deviceName: config.device.name,
    contactName: config.contact.name,
    lines: config.lines.map((l) => ({ id: l.sip_account, username: l.username, state: 'connecting', detail: null })),
  });
  const { PhoneEngine: Engine } = await import('./engine');
  if (etag !== config.etag || engine || !token) return; // a newer config, or a stop, came meanwhile
  engine = new Engine(config, { line: onLine, call: onCall });
  engine.inputId = get().inputId;
  void engine.setOutput(get().outputId);
  engine.start();
  renewIceBefore(config.sip?.ice_expires_at);
  if (beatTimer === null) beatTimer = window.setInterval(() => void beat(), HEARTBEAT_MS);
  connectSocket();
}

function connectSocket(): void {
  if (socket || !token) return;
  // A connection of its own (forceNew). Multiplexed on the portal's cached /workspace manager,
  // this socket took that manager's autoConnect: false and never connected: a browser phone
  // heard no config.changed and learnt of a reset only from its next heartbeat.
  socket = io('/device', { auth: { token }, transports: ['websocket'], forceNew: true, autoConnect: false });
  socket.on('config.changed', (payload: { etag?: string }) => {
    if (payload.etag !== etag) void refresh();
  });
  // Each (re)connect, the first included: a change made between the config's fetch and this
  // socket joining its device's room (or while it was away) was announced to nobody.
  socket.on('connect', () => void refresh());
  // The server closes a device's sockets when its token is revoked (reset, deletion).
  socket.on('disconnect', (reason) => reason === 'io server disconnect' && void refresh());
  socket.on('connect_error', () => void refresh());
  socket.connect();
}

/** Refetch the config: restart the lines when it moved, or stop when the token is dead. */
async function refresh(): Promise<void> {
  if (!token) return;
  try {
    const config = await fetchConfig(token);
    // Fresh TURN credentials do not move the etag: hand them to the running engine.
    engine?.setIceServers(config.sip?.ice_servers ?? []);
    renewIceBefore(config.sip?.ice_expires_at);
    if (config.etag === etag) return;
    configDeferred = get().call !== null;
    if (!configDeferred) void run(config);
  } catch (error) {
    if (error instanceof NotActivated) deactivate();
  }
}

/** Fetch the config again ten minutes before the TURN credentials expire (a call under way
 * keeps its relay: TURN allocations outlive the credentials that made them). */
function renewIceBefore(expiresAt: number | null | undefined): void {
  if (iceTimer !== null) window.clearTimeout(iceTimer);
  iceTimer = null;
  if (!expiresAt) return;
  const wait = Math.max(60_000, expiresAt * 1000 - Date.now() - ICE_RENEW_MARGIN_MS);
  iceTimer = window.setTimeout(() => void refresh(), wait);
}

function teardown(): void {
  configDeferred = false;
  engine?.stop();
  engine = null;
  renewIceBefore(null);
  socket?.disconnect();
  socket = null;
  if (beatTimer !== null) window.clearInterval(beatTimer);
  beatTimer = null;
  stopStats();
  stopRinging();
}

/** The token stopped working: unregister, forget it, and say so. */
function deactivate(): void {
  const deviceId = get().deviceId;
  teardown();
  if (deviceId) forgetDevice(deviceId);
  token = null;
  set({ status: 'not_activated', lines: [], call: null, stats: null });
}

function say(error: unknown): void {
  set({ error: error instanceof Error ? error.message : String(error), open: true });
}

/** Resume the phone this browser was activated as (at app start). */
export async function bootPhone(): Promise<void> {
  const stored = activeDevice();
  if (!stored || token) return;
  token = stored.token;
  set({ status: 'starting', deviceId: stored.deviceId, history: loadHistory(stored.deviceId) });
  try {
    await run(await fetchConfig(stored.token));
  } catch (error) {
    if (error instanceof NotActivated) {
      deactivate();
      return;
    }
    set({ error: 'The server could not be reached; retrying.' });
    token = null;
    window.setTimeout(() => void bootPhone(), 10_000);
  }
}

/** "Use this browser as a phone": activate with the device's code and register its lines. */
export async function activateThisBrowser(code: string): Promise<void> {
  teardown();
  set({ status: 'starting', error: null });
  try {
    const answer = await activate(code);
    token = answer.token;
    saveDevice(answer.config.device.id, answer.token);
    set({ history: loadHistory(answer.config.device.id), open: true });
    await run(answer.config);
  } catch (error) {
    set({ status: get().deviceId ? 'not_activated' : 'none' });
    throw error instanceof NotActivated ? new Error('This activation code is not valid any more. Reset it and try again.') : error;
  }
}

/** Stop being a phone: unregister and forget the token (the device stays activated). */
export function stopUsingThisBrowser(): void {
  const deviceId = get().deviceId;
  teardown();
  if (deviceId) forgetDevice(deviceId);
  token = null;
  set({ ...initial });
}

export const phone = {
  open: (open: boolean) => set({ open }),
  clearError: () => set({ error: null }),
  /** Dial a typed or clicked number; false when nothing dialable was given. */
  dial(input: string, name: string | null = null): boolean {
    const target = normalizeDial(input);
    if (!target || !engine || get().call?.phase === 'ringing' || get().call?.phase === 'calling' || get().call?.phase === 'connected') {
      return false;
    }
    set({ open: true, error: null, stats: null });
    engine.dial(target, name).catch(say); // MicrophoneError says what to do
    return true;
  },
  answer() {
    stopRinging();
    engine?.answer().catch((error) => {
      say(error);
      if (get().call?.phase === 'ringing') startRinging();
    });
  },
  decline: () => engine?.decline(),
  hangUp: () => engine?.hangUp(),
  toggleMute: () => engine?.setMuted(!get().call?.muted),
  toggleHold: () => engine?.setHeld(!get().call?.held),
  dtmf: (tone: string) => engine?.sendDtmf(tone),
  setInput(inputId: string | null) {
    set({ inputId });
    if (engine) engine.inputId = inputId;
  },
  setOutput(outputId: string | null) {
    set({ outputId });
    setRingerOutput(outputId);
    void engine?.setOutput(outputId);
  },
};

// A closing tab unregisters its lines rather than leaving them registered until expiry.
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => engine?.stop());
