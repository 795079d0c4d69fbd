import { Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../format';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "5 minutes ago", "yesterday": the largest unit that fits. */
export function formatRelative(iso: string, now: number): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  if (Number.isNaN(amount)) return iso;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return iso;
}

/** The current time, moving on every 30 seconds so relative times stay true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** When a device was last heard from, relative, with the exact time on hover. */
export function LastSeen({ at }: { at: string | null }) {
  const now = useNow();
  if (!at) {
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  }
  return (
    <Tooltip label={formatDateTime(at)} withArrow>
      <Text size="sm" component="time" dateTime={at}>
        {formatRelative(at, now)}
      </Text>
    </Tooltip>
  );
}
