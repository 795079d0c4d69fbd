import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { effectiveTimeline, MAX_TIMELINE, MEMBERS_PORT, ringAll, sequential, timelineEnd } from '../../canvas/timeline';
import type { RingPreset, TimelineEntry } from '../../nodes/types';
import { edgesFrom, nodeIndex, useCanvasStore } from '../../store/canvas';
import { TimelineBar } from './TimelineBar';

interface RingTimelineEditorProps {
  groupId: string;
  members: TimelineEntry[];
  preset: RingPreset;
  onChange: (members: TimelineEntry[], preset: RingPreset) => void;
}

const scaleFor = (end: number) => Math.min(MAX_TIMELINE, Math.max(60, Math.ceil((end + 20) / 30) * 30));

/** The ring group's timeline: one bar per cabled member, and the presets that fill it. */
export function RingTimelineEditor({ groupId, members, preset, onChange }: RingTimelineEditorProps) {
  const cabled = useCanvasStore(
    useShallow((s) => (edgesFrom(s.edges).get(groupId) ?? []).filter((e) => e.sourceHandle === MEMBERS_PORT).map((e) => Number(e.target))),
  );
  const names = useCanvasStore(useShallow((s) => cabled.map((id) => nodeIndex(s.nodes).get(String(id))?.data.name ?? 'Not on this tab')));
  const entries = effectiveTimeline(members, cabled, false);
  const [dragging, setDragging] = useState(false);
  const frozen = useRef(scaleFor(timelineEnd(entries)));
  if (!dragging) frozen.current = scaleFor(timelineEnd(entries));
  const scale = frozen.current;
  const nameOf = (target: number) => names[cabled.indexOf(target)] ?? 'Not cabled';

  const applyPreset = (next: string) => {
    const order = entries.map((e) => e.target);
    if (next === 'ring_all') onChange(ringAll(order), 'ring_all');
    else if (next === 'sequential') onChange(sequential(order), 'sequential');
    else onChange(entries, 'custom');
  };
  const change = (entry: TimelineEntry) => onChange(entries.map((e) => (e.target === entry.target ? entry : e)), 'custom');

  return (
    <Stack gap="xs" aria-label="Ring timeline editor" role="group">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Ring timeline
        </Text>
        <Text size="xs" c="dimmed">
          ends at {timelineEnd(entries)} s
        </Text>
      </Group>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Ring preset"
        value={preset}
        onChange={applyPreset}
        data={[
          { value: 'ring_all', label: 'Ring all' },
          { value: 'sequential', label: 'Sequential' },
          { value: 'custom', label: 'Custom' },
        ]}
      />
      {entries.length === 0 ? (
        <Text size="xs" c="dimmed">
          No members yet: cable this ring group’s Members port to contact methods.
        </Text>
      ) : (
        <Stack gap={6}>
          {entries.map((entry) => (
            <div className="ring-row" key={entry.target}>
              <Text size="xs" truncate="end" title={nameOf(entry.target)}>
                {nameOf(entry.target)}
              </Text>
              <div className="ring-track">
                <TimelineBar entry={entry} name={nameOf(entry.target)} scale={scale} onChange={change} onDragging={setDragging} />
              </div>
            </div>
          ))}
          <Group justify="space-between" pl={92} aria-hidden>
            <Text size="10px" c="dimmed">0 s</Text>
            <Text size="10px" c="dimmed">{scale} s</Text>
          </Group>
          <Text size="xs" c="dimmed">
            Drag a bar to ring later, its right edge to ring longer. No answer fires when the last bar ends.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
