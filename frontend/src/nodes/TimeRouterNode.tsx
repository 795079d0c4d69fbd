import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { clockIn, useSchedules } from '../api/schedules';
import { useCanvasStore } from '../store/canvas';
import { shownPorts, useCabledExits } from './exitPorts';
import { ObjectCard } from './ObjectCard';
import { overrideHolds, type TimeRouterNodeType } from './routerTypes';
import { sameCard } from './sameCard';

const HOLIDAY = /^holiday_\d+$/;

/** Routes by time: "Open until 18:00" now, from its schedule (or its override while it holds). */
function TimeRouterNode({ id, data, selected }: NodeProps<TimeRouterNodeType>) {
  const kind = useCanvasStore((s) => s.catalogue.time_router);
  const schedules = useSchedules();
  const cabled = useCabledExits(id);
  const { schedule: scheduleId, override } = data.properties;
  const schedule = schedules.data?.items.find((s) => s.id === scheduleId);
  const used = new Map((schedule?.holidays ?? []).filter((h) => h.exit).map((h) => [h.exit as string, h.name]));
  const ports = kind ? shownPorts(kind.ports, HOLIDAY, used, cabled) : undefined;
  let state: { text: string; color: string } | null = null;
  if (schedule) {
    const zone = schedule.timeZone;
    if (overrideHolds(override)) {
      state = { text: `Forced ${override.mode} until ${clockIn(override.until, zone)}`, color: override.mode === 'open' ? 'green.8' : 'red.8' };
    } else {
      const { state: now, until } = schedule.status;
      const word = now === 'open' ? 'Open' : now === 'closed' ? 'Closed' : (used.get(now) ?? 'Holiday');
      state = { text: until ? `${word} until ${clockIn(until, zone)}` : word, color: now === 'open' ? 'green.8' : 'red.8' };
    }
  }
  return (
    <ObjectCard id={id} type="time_router" name={data.name} selected={selected} ports={ports}>
      {schedule ? (
        <>
          <Text size="sm" fw={600} c={state?.color} truncate="end">
            {state?.text}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {schedule.name} · {schedule.timeZone}
          </Text>
        </>
      ) : (
        <Text size="xs" c="orange.8">
          {scheduleId === null ? 'No schedule chosen' : schedules.isLoading ? 'Loading…' : `Schedule #${scheduleId}`}
        </Text>
      )}
    </ObjectCard>
  );
}

export default memo(TimeRouterNode, sameCard);
