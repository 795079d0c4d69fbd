/**
 * Device tokens of this browser: one localStorage entry per device id, so a token is only
 * ever used for the device it activated. One device at a time is this browser's phone.
 */

const key = (deviceId: number) => `callflow.webphone.device.${deviceId}`;
const ACTIVE = 'callflow.webphone.active';

export interface StoredDevice {
  deviceId: number;
  token: string;
}

export function saveDevice(deviceId: number, token: string): void {
  localStorage.setItem(key(deviceId), JSON.stringify({ token }));
  localStorage.setItem(ACTIVE, String(deviceId));
}

export function tokenOf(deviceId: number): string | null {
  try {
    const value = JSON.parse(localStorage.getItem(key(deviceId)) ?? 'null') as { token?: unknown } | null;
    return typeof value?.token === 'string' ? value.token : null;
  } catch {
    return null;
  }
}

/** The device this browser is the phone of, with its token; null when none. */
export function activeDevice(): StoredDevice | null {
  const deviceId = Number(localStorage.getItem(ACTIVE));
  if (!Number.isInteger(deviceId) || deviceId <= 0) return null;
  const token = tokenOf(deviceId);
  return token ? { deviceId, token } : null;
}

/** Forget the device's token (its activation was reset, or the user stopped using it). */
export function forgetDevice(deviceId: number): void {
  localStorage.removeItem(key(deviceId));
  if (localStorage.getItem(ACTIVE) === String(deviceId)) localStorage.removeItem(ACTIVE);
}
