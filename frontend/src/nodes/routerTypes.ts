/** The properties of the three routing types that decide by time or by caller (as the client camelCases them). */
import type { Node } from '@xyflow/react';
import type { ObjectData } from './types';

export interface Override {
  mode: 'open' | 'closed';
  /** ISO 8601 with zone. */
  until: string;
}

export interface TimeRouterProperties {
  schedule: number | null;
  override: Override | null;
}

export type RuleMatch = 'exact' | 'prefix' | 'anonymous';

export interface CallerRule {
  match: RuleMatch;
  number: string;
  label: string;
  /** rule_1..rule_10: kept when the rules are reordered, so cables stay put. */
  exit: string;
}

export interface CallerRouterProperties {
  rules: CallerRule[];
}

export interface BlacklistEntry {
  match: 'exact' | 'prefix';
  number: string;
  note: string;
  /** ISO 8601 with zone; null: for good. */
  expires: string | null;
}

export interface BlacklistProperties {
  entries: BlacklistEntry[];
}

export type TimeRouterNodeType = Node<ObjectData<TimeRouterProperties>, 'time_router'>;
export type CallerRouterNodeType = Node<ObjectData<CallerRouterProperties>, 'caller_router'>;
export type BlacklistNodeType = Node<ObjectData<BlacklistProperties>, 'blacklist'>;

/** Whether an override still holds now. */
export const overrideHolds = (override: Override | null | undefined, now = Date.now()): override is Override =>
  !!override && new Date(override.until).getTime() > now;
