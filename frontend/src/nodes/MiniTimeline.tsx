import { Text } from '@mantine/core';
import type { TimelineEntry } from './types';
import { timelineEnd } from '../canvas/timeline';
import { HoverTooltip } from './HoverTooltip';

interface MiniTimelineProps {
  entries: TimelineEntry[];
  names: Record<number, string>;
}

/** The ring timeline as small bars: who rings from when, for how long. */
export function MiniTimeline({ entries, names }: MiniTimelineProps) {
  if (entries.length === 0) {
    return (
      <Text size="xs" c="orange.8">
        No members: cable Members to a contact method
      </Text>
    );
  }
  const end = Math.max(timelineEnd(entries), 1);
  return (
    <div className="mini-timeline" aria-label={`Ring timeline, ${end} seconds`}>
      {entries.slice(0, 6).map((entry) => (
        <HoverTooltip key={entry.target} label={`${names[entry.target] ?? 'Not cabled'}: ${entry.start}–${entry.start + entry.duration} s`}>
          <div className="mini-timeline-row">
            <span className="mini-timeline-name">{names[entry.target] ?? 'Not cabled'}</span>
            <span className="mini-timeline-track">
              <span
                className="mini-timeline-bar"
                style={{ left: `${(entry.start / end) * 100}%`, width: `${(entry.duration / end) * 100}%` }}
              />
            </span>
          </div>
        </HoverTooltip>
      ))}
      {entries.length > 6 && (
        <Text size="xs" c="dimmed">
          and {entries.length - 6} more
        </Text>
      )}
      <Text size="10px" c="dimmed" ta="right">
        {end} s
      </Text>
    </div>
  );
}
