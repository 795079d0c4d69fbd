import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { DAYS, type Interval } from '../../api/schedules';

const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** The open stretches of one day (0-1440), overnight intervals spilling from the day before. */
function openStretches(intervals: Interval[], day: number): [number, number][] {
  const stretches: [number, number][] = [];
  for (const iv of intervals) {
    if (!/^\d\d:\d\d$/.test(iv.from) || !/^\d\d:\d\d$/.test(iv.to)) continue;
    const from = minutes(iv.from);
    let to = minutes(iv.to);
    if (to <= from) to += 1440;
    if (iv.day === day) stretches.push([from, Math.min(to, 1440)]);
    if (iv.day === (day + 6) % 7 && to > 1440) stretches.push([0, to - 1440]);
  }
  return stretches;
}

/** One day's 24 hours as a bar, open stretches filled. */
function DayBar({ intervals, day }: { intervals: Interval[]; day: number }) {
  return (
    <div className="week-bar" aria-hidden>
      {openStretches(intervals, day).map(([from, to], i) => (
        <span key={i} style={{ left: `${(from / 1440) * 100}%`, width: `${((to - from) / 1440) * 100}%` }} />
      ))}
    </div>
  );
}

interface WeekGridEditorProps {
  intervals: Interval[];
  onChange: (intervals: Interval[]) => void;
  error?: string;
}

/**
 * The weekly grid: a row per day with its opening intervals (several a day; "to" at or before
 * "from" runs overnight into the next day) and a bar of the day's 24 hours.
 */
export function WeekGridEditor({ intervals, onChange, error }: WeekGridEditorProps) {
  const indexed = intervals.map((iv, index) => ({ iv, index }));
  const set = (index: number, change: Partial<Interval>) => onChange(intervals.map((iv, i) => (i === index ? { ...iv, ...change } : iv)));
  const copyToWeekdays = (day: number) => {
    const source = intervals.filter((iv) => iv.day === day);
    const others = intervals.filter((iv) => iv.day === day || iv.day > 4);
    onChange([...others, ...[0, 1, 2, 3, 4].filter((d) => d !== day).flatMap((d) => source.map((iv) => ({ ...iv, day: d })))].sort((a, b) => a.day - b.day));
  };
  return (
    <Stack gap={4}>
      <Table verticalSpacing={4} aria-label="Opening hours">
        <Table.Tbody>
          {DAYS.map((name, day) => (
            <Table.Tr key={name}>
              <Table.Td w={100} fw={500}>
                {name}
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {indexed
                    .filter(({ iv }) => iv.day === day)
                    .map(({ iv, index }) => (
                      <Group key={index} gap={2} wrap="nowrap" className="interval-chip">
                        <TextInput size="xs" type="time" w={122} aria-label={`${name} from`} value={iv.from} onChange={(e) => set(index, { from: e.currentTarget.value })} />
                        <Text size="xs">–</Text>
                        <TextInput size="xs" type="time" w={122} aria-label={`${name} to`} value={iv.to === '24:00' ? '00:00' : iv.to} onChange={(e) => set(index, { to: e.currentTarget.value })} />
                        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Remove ${name} ${iv.from}-${iv.to}`} onClick={() => onChange(intervals.filter((_, i) => i !== index))}>
                          <IconX size={14} aria-hidden />
                        </ActionIcon>
                      </Group>
                    ))}
                  <Tooltip label="Add opening hours">
                    <ActionIcon size="sm" variant="light" aria-label={`Add hours on ${name}`} onClick={() => onChange([...intervals, { day, from: '09:00', to: '17:00' }])}>
                      <IconPlus size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  {day < 5 && intervals.some((iv) => iv.day === day) && (
                    <Button size="compact-xs" variant="subtle" leftSection={<IconCopy size={12} aria-hidden />} onClick={() => copyToWeekdays(day)}>
                      Copy to weekdays
                    </Button>
                  )}
                </Group>
              </Table.Td>
              <Table.Td w={180}>
                <DayBar intervals={intervals} day={day} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Times are wall-clock time in the schedule’s zone (daylight saving follows it). An end at or before the start runs overnight; 00:00–00:00 is the whole day.
      </Text>
    </Stack>
  );
}
