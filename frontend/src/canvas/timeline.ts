/**
 * The ring group's timeline as the server reads it: one entry per cabled member, the
 * properties' entry where there is one (0 s for 30 s where not), ordered by start.
 */
import type { JsonSchema } from '../api/workspace';
import type { TimelineEntry } from '../nodes/types';

export const MAX_TIMELINE = 300;
export const DEFAULT_DURATION = 30;
/** The port whose cables make the members. */
export const MEMBERS_PORT = 'members';

/** `sorted: false` keeps the cables' order (the editor's rows must not jump while dragged). */
export function effectiveTimeline(entries: TimelineEntry[], cabled: number[], sorted = true): TimelineEntry[] {
  const byTarget = new Map(entries.map((e) => [e.target, e]));
  const seen = new Set<number>();
  const result: TimelineEntry[] = [];
  for (const target of cabled) {
    if (seen.has(target)) continue;
    seen.add(target);
    const entry = byTarget.get(target);
    result.push({ target, start: entry?.start ?? 0, duration: entry?.duration ?? DEFAULT_DURATION });
  }
  return sorted ? result.sort((a, b) => a.start - b.start || a.target - b.target) : result;
}

/** Every member from 0 s for the same time. */
export const ringAll = (targets: number[], duration = DEFAULT_DURATION): TimelineEntry[] =>
  targets.map((target) => ({ target, start: 0, duration }));

/** One after the other, `duration` seconds each. */
export const sequential = (targets: number[], duration = 20): TimelineEntry[] =>
  targets.map((target, index) => ({ target, start: index * duration, duration }));

export const timelineEnd = (entries: TimelineEntry[]): number => Math.max(0, ...entries.map((e) => e.start + e.duration));

export interface FieldLimits {
  start: { min: number; max: number };
  duration: { min: number; max: number };
}

/** Fallbacks matching workspace/objects/types/ring_group.py, for a catalogue not loaded yet. */
const LIMITS: FieldLimits = { start: { min: 0, max: MAX_TIMELINE }, duration: { min: 1, max: MAX_TIMELINE } };

/** The start and duration bounds the server's schema declares for a timeline entry (one truth). */
export function timelineLimits(schema: JsonSchema | undefined): FieldLimits {
  const entry = schema?.properties?.members?.items?.properties ?? {};
  const bounds = (key: keyof FieldLimits) => ({
    min: entry[key]?.minimum ?? LIMITS[key].min,
    max: entry[key]?.maximum ?? LIMITS[key].max,
  });
  return { start: bounds('start'), duration: bounds('duration') };
}

/** The message for a typed start or duration, or null when the server would take it. */
export function fieldError(text: string, limits: { min: number; max: number }): string | null {
  if (!/^-?\d+$/.test(text.trim())) return 'Enter whole seconds';
  const value = Number(text);
  if (value < limits.min) return `At least ${limits.min} s`;
  if (value > limits.max) return `At most ${limits.max} s`;
  return null;
}
