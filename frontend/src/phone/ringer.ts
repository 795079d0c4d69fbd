/**
 * The ring of an incoming call, drawn with WebAudio (no sound file to ship): the North
 * American ring cadence, 440 + 480 Hz for 2 s, then 4 s of silence, until stopped.
 */

let context: AudioContext | null = null;
let timer: number | null = null;
let sinkId: string | null = null;

function burst(ctx: AudioContext): void {
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0, ctx.currentTime);
  gain.gain.linearRampToValueAtTime(0.12, ctx.currentTime + 0.05);
  gain.gain.setValueAtTime(0.12, ctx.currentTime + 1.95);
  gain.gain.linearRampToValueAtTime(0, ctx.currentTime + 2);
  gain.connect(ctx.destination);
  for (const frequency of [440, 480]) {
    const tone = ctx.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start();
    tone.stop(ctx.currentTime + 2);
  }
}

/** The ring follows the chosen output where the browser lets an AudioContext pick one. */
export function setRingerOutput(deviceId: string | null): void {
  sinkId = deviceId;
}

export function startRinging(): void {
  if (timer !== null) return;
  try {
    context ??= new AudioContext();
    const withSink = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
    if (sinkId && withSink.setSinkId) void withSink.setSinkId(sinkId).catch(() => undefined);
    void context.resume().catch(() => undefined); // blocked until the page had a gesture
    burst(context);
    timer = window.setInterval(() => context && burst(context), 6000);
  } catch {
    // No WebAudio: the panel still shows the call.
  }
}

export function stopRinging(): void {
  if (timer !== null) window.clearInterval(timer);
  timer = null;
  void context?.suspend().catch(() => undefined);
}
