import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import type { TimelineEntry } from '../../nodes/types';
import { MAX_TIMELINE } from '../../canvas/timeline';

interface TimelineBarProps {
  entry: TimelineEntry;
  name: string;
  /** Seconds across the whole track. */
  scale: number;
  onChange: (entry: TimelineEntry) => void;
  onDragging: (dragging: boolean) => void;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * One member's bar: drag it to ring later or earlier, drag its right edge to ring longer.
 * Both are sliders for the keyboard too (arrows: 1 s, with Shift: 5 s).
 */
export function TimelineBar({ entry, name, scale, onChange, onDragging }: TimelineBarProps) {
  const drag = useRef<{ x: number; entry: TimelineEntry; mode: 'move' | 'stretch'; width: number } | null>(null);

  const begin = (mode: 'move' | 'stretch') => (event: PointerEvent<HTMLDivElement>) => {
    event.stopPropagation();
    event.preventDefault();
    const track = event.currentTarget.closest('.ring-track') as HTMLElement | null;
    drag.current = { x: event.clientX, entry, mode, width: track?.getBoundingClientRect().width ?? 1 };
    event.currentTarget.setPointerCapture(event.pointerId);
    onDragging(true);
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    const state = drag.current;
    if (!state) return;
    const seconds = Math.round(((event.clientX - state.x) / state.width) * scale);
    const { start, duration } = state.entry;
    if (state.mode === 'move') onChange({ ...entry, start: clamp(start + seconds, 0, MAX_TIMELINE - duration) });
    else onChange({ ...entry, duration: clamp(duration + seconds, 1, MAX_TIMELINE - start) });
  };
  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
    onDragging(false);
  };
  const keys = (mode: 'move' | 'stretch') => (event: KeyboardEvent) => {
    const step = event.shiftKey ? 5 : 1;
    const delta = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? step : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -step : 0;
    if (!delta) return;
    event.preventDefault();
    event.stopPropagation();
    if (mode === 'move') onChange({ ...entry, start: clamp(entry.start + delta, 0, MAX_TIMELINE - entry.duration) });
    else onChange({ ...entry, duration: clamp(entry.duration + delta, 1, MAX_TIMELINE - entry.start) });
  };

  return (
    <div
      className="ring-bar"
      style={{ left: `${(entry.start / scale) * 100}%`, width: `${(entry.duration / scale) * 100}%` }}
      role="slider"
      tabIndex={0}
      aria-label={`${name} starts at`}
      aria-valuemin={0}
      aria-valuemax={MAX_TIMELINE - entry.duration}
      aria-valuenow={entry.start}
      aria-valuetext={`${entry.start} s`}
      onPointerDown={begin('move')}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={keys('move')}
    >
      <span className="ring-bar-text">
        {entry.start}–{entry.start + entry.duration} s
      </span>
      <div
        className="ring-bar-stretch"
        role="slider"
        tabIndex={0}
        aria-label={`${name} rings for`}
        aria-valuemin={1}
        aria-valuemax={MAX_TIMELINE - entry.start}
        aria-valuenow={entry.duration}
        aria-valuetext={`${entry.duration} s`}
        onPointerDown={begin('stretch')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={keys('stretch')}
      />
    </div>
  );
}
