/**
 * The web phone's side of the device API (/device/v1): the same calls a call.center app
 * makes, authenticated by the device token, never by the admin's session.
 */

export const PLATFORM = 'web';
declare const __APP_VERSION__: string;
/** The SPA's version, reported as the device's app version. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

export interface DeviceLine {
  sip_account: number;
  username: string;
  auth_username: string | null;
  display_name: string | null;
  password: string | null;
  password_mode: 'provisioned' | 'manual';
}

export interface DeviceConfig {
  etag: string;
  device: { id: number; name: string };
  contact: { id: number; name: string | null };
  lines: DeviceLine[];
  sip?: {
    websocket_url: string;
    domain: string;
    /** STUN and TURN servers for the peer connection; TURN ones carry this device's credentials. */
    ice_servers?: RTCIceServer[];
    /** 'relay': media only through the TURN server. */
    ice_transport_policy?: RTCIceTransportPolicy;
    /** When the TURN credentials stop working (unix seconds); null without TURN. */
    ice_expires_at?: number | null;
  };
  caller_id?: { name?: string | null; internal?: string | null };
}

/** The token no longer works (reset, deleted): the browser is not this device's phone any more. */
export class NotActivated extends Error {
  constructor() {
    super('Not activated');
  }
}

async function call<T>(path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/device/v1${path}`, { ...init, headers, credentials: 'omit' });
  if (response.status === 401) throw new NotActivated();
  const body = (await response.json().catch(() => ({}))) as { message?: string } & T;
  if (!response.ok) throw new Error(body.message ?? `The server answered ${response.status}.`);
  return body;
}

export async function activate(code: string): Promise<{ token: string; config: DeviceConfig }> {
  const body = JSON.stringify({ code, platform: PLATFORM, app_version: APP_VERSION });
  return call('/activate', { method: 'POST', body });
}

export async function fetchConfig(token: string): Promise<DeviceConfig> {
  return call('/config', { method: 'GET', cache: 'no-store' }, token);
}

export async function heartbeat(token: string, lines: { sip_account: number; registered: boolean }[]): Promise<void> {
  await call('/heartbeat', { method: 'POST', body: JSON.stringify({ app_version: APP_VERSION, lines }) }, token);
}
