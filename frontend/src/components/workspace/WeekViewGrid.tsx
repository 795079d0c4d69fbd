import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { WeekView } from '../../api/publishing';
import { DAYS } from '../../api/schedules';

/** Distinct fills for the endings, in the order they first appear (no green/red: not a verdict). */
const FILLS = ['#1971c2', '#e8590c', '#6741d9', '#0c8599', '#c2255c', '#5c940d', '#e67700', '#495057'];

const OUTCOMES: Record<string, string> = {
  ringing: 'rings',
  answered: 'answered',
  hangup: 'hangs up',
  forwarded: 'forwarded',
  rejected: 'rejected',
  not_found: 'no route',
  loop_limit: 'loop',
};

/** "Team (rings)": where the call ends and how. */
export const endingLabel = (ending: { name: string; outcome: string }): string => `${ending.name || 'Nowhere'} (${OUTCOMES[ending.outcome] ?? ending.outcome})`;

/**
 * The week view: a row per day, a cell per hour, coloured by where the call ends then, with
 * a legend; an admin sees after-hours and holiday routing at a glance.
 */
export function WeekViewGrid({ week }: { week: WeekView }) {
  const fill = Object.fromEntries(week.endings.map((e, i) => [e.key, FILLS[i % FILLS.length]]));
  const names = Object.fromEntries(week.endings.map((e) => [e.key, endingLabel(e)]));
  const start = new Date(`${week.weekStart}T00:00:00`);
  const dateOf = (day: number) => new Date(start.getTime() + day * 86400000).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Week of {week.weekStart} in {week.timeZone}
        {week.revision !== null ? ` · revision ${week.revision}` : ' · draft'}
      </Text>
      <Table withColumnBorders={false} verticalSpacing={0} horizontalSpacing={0} aria-label="Week view" className="week-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {Array.from({ length: 24 }, (_, h) => (
              <Table.Th key={h} className="week-hour">
                {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAYS.map((day, d) => (
            <Table.Tr key={day}>
              <Table.Th scope="row" className="week-day">
                {day.slice(0, 3)} {dateOf(d)}
              </Table.Th>
              {week.hours
                .filter((h) => h.day === d)
                .map((h) => (
                  <Table.Td
                    key={h.hour}
                    className="week-cell"
                    style={{ background: fill[h.ending] }}
                    title={`${day} ${String(h.hour).padStart(2, '0')}:00: ${names[h.ending]}`}
                    aria-label={`${day} ${String(h.hour).padStart(2, '0')}:00: ${names[h.ending]}`}
                    data-ending={h.ending}
                  />
                ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" aria-label="Week view legend">
        {week.endings.map((e) => (
          <Badge key={e.key} variant="filled" style={{ background: fill[e.key] }}>
            {endingLabel(e)}: {e.hours} h
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
