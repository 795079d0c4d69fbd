/** Microphones and speakers: listing them, opening the microphone, routing the far end's audio. */

export interface AudioDeviceOption {
  value: string;
  label: string;
}

export interface AudioDeviceLists {
  inputs: AudioDeviceOption[];
  outputs: AudioDeviceOption[];
}

/** Whether the browser lets a page choose where audio plays (Chromium does; Firefox behind a flag). */
export const canChooseOutput = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

export async function listAudioDevices(): Promise<AudioDeviceLists> {
  const all = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  const options = (kind: MediaDeviceKind) =>
    all
      .filter((d) => d.kind === kind && d.deviceId)
      .map((d, i) => ({ value: d.deviceId, label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${i + 1}` }));
  return { inputs: options('audioinput'), outputs: options('audiooutput') };
}

/** Why the microphone could not be opened, in words a person can act on. */
export class MicrophoneError extends Error {}

export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneError('This browser cannot use a microphone here: open the portal over HTTPS or on localhost.');
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false });
  } catch (error) {
    const name = (error as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new MicrophoneError(
        'Microphone access is blocked. Allow the microphone for this site (the icon in the address bar), then try again.',
      );
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      throw new MicrophoneError('No microphone was found. Plug one in or pick another in the audio settings.');
    }
    throw new MicrophoneError(`The microphone could not be opened (${name || 'unknown error'}).`);
  }
}

/** Play the far end on the chosen speaker where the browser supports choosing. */
export async function routeOutput(element: HTMLAudioElement, deviceId: string | null): Promise<void> {
  const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
  if (canChooseOutput && sink.setSinkId) await sink.setSinkId(deviceId ?? '').catch(() => undefined);
}
