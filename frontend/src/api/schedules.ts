/** /schedules: opening hours and holidays that Time Routers share, with what each says now. */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

/** One weekly opening, wall-clock time in the schedule's zone; `to` at or before `from` runs overnight. */
export interface Interval {
  /** 0 Monday ... 6 Sunday. */
  day: number;
  from: string;
  to: string;
}

export interface Holiday {
  name: string;
  /** ISO date; `to` (inclusive) null for one day. */
  from: string;
  to: string | null;
  yearly: boolean;
  /** The Time Router exit it takes; null: closed. */
  exit: HolidayExit | null;
}

export interface ScheduleStatus {
  /** open, closed, or a holiday exit. */
  state: string;
  until: string | null;
  reason: string;
}

export interface Schedule extends Versioned {
  name: string;
  timeZone: string;
  intervals: Interval[];
  holidays: Holiday[];
  status: ScheduleStatus;
  usedBy: { type: string; id: number; name: string }[];
}

export interface ScheduleInput {
  name: string;
  timeZone: string;
  intervals: Interval[];
  holidays: Holiday[];
}

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const HOLIDAY_EXITS = ['holiday_1', 'holiday_2', 'holiday_3', 'holiday_4'] as const;
export type HolidayExit = (typeof HOLIDAY_EXITS)[number];

export const schedulesApi = resource<Schedule, ScheduleInput>('/schedules');

/** Every schedule; refreshed each minute so the cards' "open until" stays true. */
export function useSchedules() {
  return useQuery({ queryKey: queryKeys.schedules, queryFn: () => listAll(schedulesApi.list), refetchInterval: 60_000 });
}

/** Every IANA zone the browser knows (the server checks against zoneinfo). */
export const timeZones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
};

/** "18:00" of an ISO time, in the schedule's zone. */
export function clockIn(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', weekday: 'short', timeZone: zone }).format(new Date(iso));
}
