/**
 * The JsSIP wrapper: one user agent per line of the device's config, registered over the
 * SIP server's WebSocket with the line's digest credentials, and at most one call. It knows
 * nothing of React; it reports line states and `CallEvent`s to the callbacks it is given.
 * JsSIP (not SIP.js): the real-calls study registered and called with it against our
 * Kamailio, it ships its own types, and its session API maps one to one to a phone's buttons.
 */
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { openMicrophone, routeOutput } from './audioDevices';
import type { CallEvent, EndReason } from './callState';
import { APP_VERSION, type DeviceConfig } from './deviceClient';
import { routeLabel, sipTarget } from './dial';

export type LineState = 'connecting' | 'registered' | 'unregistered' | 'failed' | 'no_password';

export interface EngineCallbacks {
  line(lineId: number, state: LineState, detail?: string): void;
  call(event: CallEvent): void;
}

export interface MediaStats {
  bytesReceived: number;
  bytesSent: number;
}

interface Line {
  id: number;
  username: string;
  ua: JsSIP.UA;
}

export class PhoneEngine {
  private lines: Line[] = [];
  private session: RTCSession | null = null;
  private microphone: MediaStream | null = null;
  private readonly audio: HTMLAudioElement;
  inputId: string | null = null;
  outputId: string | null = null;

  private readonly config: DeviceConfig;
  private readonly on: EngineCallbacks;
  // The deployment's STUN/TURN servers (WORKSPACE_ICE_SERVERS): behind NAT a browser learns
  // its public address from STUN and relays through TURN where no direct path exists. TURN
  // credentials expire; the store hands in fresh ones (setIceServers) before they do.
  private iceServers: RTCIceServer[];

  constructor(config: DeviceConfig, on: EngineCallbacks) {
    this.config = config;
    this.on = on;
    this.iceServers = config.sip?.ice_servers ?? [];
    this.audio = document.createElement('audio');
    this.audio.autoplay = true;
    this.audio.setAttribute('aria-hidden', 'true');
    document.body.appendChild(this.audio);
  }

  get domain(): string {
    return this.config.sip?.domain ?? '';
  }

  /** Use these STUN/TURN servers (fresh TURN credentials) from the next call on. */
  setIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  private pcConfig(): RTCConfiguration {
    return { iceServers: this.iceServers, iceTransportPolicy: this.config.sip?.ice_transport_policy ?? 'all' };
  }

  start(): void {
    const sip = this.config.sip;
    for (const line of this.config.lines) {
      if (!sip || !line.password) {
        this.on.line(line.sip_account, 'no_password', sip ? 'This line’s password is typed on the device.' : undefined);
        continue;
      }
      const ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(sip.websocket_url)],
        uri: sipTarget(line.username, sip.domain),
        authorization_user: line.auth_username || line.username,
        password: line.password,
        display_name: line.display_name ?? undefined,
        register: true,
        session_timers: false,
        user_agent: `Callflow Web Phone ${APP_VERSION}`,
      });
      const id = line.sip_account;
      this.on.line(id, 'connecting');
      ua.on('registered', () => this.on.line(id, 'registered'));
      ua.on('unregistered', () => this.on.line(id, 'unregistered'));
      ua.on('registrationFailed', (e) => this.on.line(id, 'failed', e.cause));
      ua.on('disconnected', () => this.on.line(id, 'connecting', 'Reconnecting to the SIP server…'));
      ua.on('newRTCSession', (e: RTCSessionEvent) => {
        if (e.originator === 'remote') this.incoming(id, e.session, e.request.getHeader('X-Callflow-Route'));
      });
      ua.start();
      this.lines.push({ id, username: line.username, ua });
    }
  }

  /** Unregister every line and close the sockets (reset, sign-out, tab closing). */
  stop(): void {
    this.session?.terminate();
    for (const line of this.lines) {
      line.ua.unregister({ all: false });
      line.ua.stop();
    }
    this.lines = [];
    this.releaseMicrophone();
    this.audio.remove();
  }

  private incoming(lineId: number, session: RTCSession, route: string | undefined): void {
    if (this.session) {
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    this.watch(session);
    const remote = session.remote_identity;
    this.on.call({
      type: 'incoming',
      id: session.id,
      number: remote.uri.user,
      name: remote.display_name || null,
      route: routeLabel(route),
      lineId,
      at: Date.now(),
    });
  }

  /** Dial on the first registered line (or the given one). Throws MicrophoneError. */
  async dial(target: string, name: string | null = null, lineId?: number): Promise<void> {
    const line = this.lines.find((l) => (lineId ? l.id === lineId : l.ua.isRegistered())) ?? this.lines[0];
    if (!line || this.session) return;
    const stream = await this.takeMicrophone();
    const session = line.ua.call(sipTarget(target, this.domain), {
      mediaStream: stream,
      pcConfig: this.pcConfig(),
      eventHandlers: { peerconnection: (e) => this.playRemote(e.peerconnection) },
    });
    this.watch(session);
    this.on.call({ type: 'dialing', id: session.id, number: target, name, lineId: line.id, at: Date.now() });
  }

  /** Answer the ringing call. Throws MicrophoneError (and declines nothing) when the mic is refused. */
  async answer(): Promise<void> {
    const session = this.session;
    if (!session || session.direction !== 'incoming') return;
    const stream = await this.takeMicrophone();
    session.on('peerconnection', (e) => this.playRemote(e.peerconnection));
    session.answer({ mediaStream: stream, pcConfig: this.pcConfig() });
  }

  decline(): void {
    this.session?.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  }

  hangUp(): void {
    this.session?.terminate();
  }

  setMuted(on: boolean): void {
    if (on) this.session?.mute({ audio: true });
    else this.session?.unmute({ audio: true });
  }

  setHeld(on: boolean): void {
    if (on) this.session?.hold();
    else this.session?.unhold();
  }

  sendDtmf(tone: string): void {
    this.session?.sendDTMF(tone);
  }

  async setOutput(deviceId: string | null): Promise<void> {
    this.outputId = deviceId;
    await routeOutput(this.audio, deviceId);
  }

  /** Bytes of RTP in and out of the current call (RTCPeerConnection.getStats). */
  async stats(): Promise<MediaStats | null> {
    const pc = this.session?.connection;
    if (!pc) return null;
    const totals = { bytesReceived: 0, bytesSent: 0 };
    (await pc.getStats()).forEach((report: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') totals.bytesReceived += report.bytesReceived ?? 0;
      if (report.type === 'outbound-rtp' && report.kind === 'audio') totals.bytesSent += report.bytesSent ?? 0;
    });
    return totals;
  }

  private watch(session: RTCSession): void {
    this.session = session;
    session.on('accepted', () => this.on.call({ type: 'accepted', at: Date.now() }));
    session.on('hold', () => this.on.call({ type: 'held', on: true }));
    session.on('unhold', () => this.on.call({ type: 'held', on: false }));
    session.on('muted', () => this.on.call({ type: 'muted', on: true }));
    session.on('unmuted', () => this.on.call({ type: 'muted', on: false }));
    const end = (reason: EndReason, cause: string | null) => {
      if (this.session === session) this.session = null;
      this.releaseMicrophone();
      this.on.call({ type: 'ended', at: Date.now(), reason, cause });
    };
    session.on('ended', (e) => end(e.originator === 'local' ? 'hung_up' : 'remote_hung_up', null));
    session.on('failed', (e) => end(failureReason(session, e.originator, e.cause), e.cause));
  }

  private playRemote(pc: RTCPeerConnection): void {
    pc.addEventListener('track', (event) => {
      this.audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void routeOutput(this.audio, this.outputId);
    });
  }

  private async takeMicrophone(): Promise<MediaStream> {
    this.releaseMicrophone();
    this.microphone = await openMicrophone(this.inputId);
    return this.microphone;
  }

  private releaseMicrophone(): void {
    this.microphone?.getTracks().forEach((track) => track.stop());
    this.microphone = null;
  }

  /** Lines' registration, for the heartbeat. */
  registrations(): { sip_account: number; registered: boolean }[] {
    return this.lines.map((l) => ({ sip_account: l.id, registered: l.ua.isRegistered() }));
  }
}

function failureReason(session: RTCSession, originator: string, cause: string): EndReason {
  const { causes } = JsSIP.C;
  if (session.direction === 'incoming') {
    if (originator === 'local') return cause === causes.CANCELED ? 'cancelled' : 'declined';
    return 'missed'; // the caller gave up, or another device answered
  }
  if (originator === 'local' && cause === causes.CANCELED) return 'cancelled';
  if (cause === causes.BUSY || cause === causes.REJECTED) return 'busy';
  return 'failed';
}
