import { Checkbox, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useShallow } from 'zustand/react/shallow';
import { connect, deleteItems } from '../../canvas/actions';
import { DEFAULT_DURATION, effectiveTimeline, fieldError, type FieldLimits, MEMBERS_PORT } from '../../canvas/timeline';
import { type MethodInfo, useContactMethodIndex } from '../../canvas/lookups';
import { objectTypeOf, type TimelineEntry } from '../../nodes/types';
import { edgesFrom, useCanvasStore } from '../../store/canvas';

/** Typed text that is not (yet) a valid number, by `${target}:start` or `${target}:duration`. */
export type MemberDrafts = Record<string, string>;

interface RingMemberFieldsProps {
  groupId: string;
  members: TimelineEntry[];
  limits: FieldLimits;
  drafts: MemberDrafts;
  onDrafts: (drafts: MemberDrafts) => void;
  onChange: (members: TimelineEntry[]) => void;
}

type Field = 'start' | 'duration';
const LABELS: Record<Field, string> = { start: 'Start (s)', duration: 'Duration (s)' };

/**
 * Each row's name: the contact's ("Mike Brown"), or the object's where the contact is unknown
 * or two placed methods share it (each checkbox and field needs a name of its own).
 */
function rowNames(placed: string[], inventory: Map<number, MethodInfo>): [string, string][] {
  const rows = placed.map((row) => {
    const [id, objectName, method] = row.split('\u0000');
    return [id, inventory.get(Number(method))?.contactName ?? objectName, objectName];
  });
  const count = new Map<string, number>();
  for (const [, name] of rows) count.set(name, (count.get(name) ?? 0) + 1);
  return rows.map(([id, name, objectName]) => [id, (count.get(name) ?? 0) > 1 ? objectName : name]);
}

/**
 * Every contact method on the ring group's tab, with "in this group" and its start and
 * duration as numbers: the same timeline the bars above draw, so typing moves a bar and
 * dragging a bar changes the numbers. Membership is a cable, so the checkbox draws or removes
 * one at once (undoable like any cable); the numbers are saved with the form.
 */
export function RingMemberFields({ groupId, members, limits, drafts, onDrafts, onChange }: RingMemberFieldsProps) {
  const placed = useCanvasStore(
    useShallow((s) => s.nodes.filter((n) => objectTypeOf(n) === 'contact_method').map((n) => `${n.id}\u0000${n.data.name}\u0000${String((n.data.properties as { contactMethod?: number }).contactMethod ?? '')}`)),
  );
  const { methods: inventory } = useContactMethodIndex();
  const methods = rowNames(placed, inventory);
  const cables = useCanvasStore(useShallow((s) => (edgesFrom(s.edges).get(groupId) ?? []).filter((e) => e.sourceHandle === MEMBERS_PORT)));
  const cabled = cables.map((e) => Number(e.target));
  const entries = new Map(effectiveTimeline(members, cabled, false).map((e) => [e.target, e]));

  const toggle = (target: number, on: boolean) => {
    if (on) {
      void connect({ source: groupId, sourceHandle: MEMBERS_PORT, target: String(target), targetHandle: 'calls' });
      return;
    }
    void deleteItems([], cables.filter((e) => Number(e.target) === target));
    // The timeline entry goes with the cable (a stale entry is only a warning on publish).
    if (members.some((m) => m.target === target)) onChange(members.filter((m) => m.target !== target));
    onDrafts(Object.fromEntries(Object.entries(drafts).filter(([key]) => !key.startsWith(`${target}:`))));
  };

  const type = (entry: TimelineEntry, field: Field, text: string) => {
    const key = `${entry.target}:${field}`;
    const error = fieldError(text, limits[field]);
    const rest = Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== key));
    if (error) {
      onDrafts({ ...rest, [key]: text });
      return;
    }
    onDrafts(rest);
    const next = { ...entry, [field]: Number(text) };
    const known = members.some((m) => m.target === entry.target);
    onChange(known ? members.map((m) => (m.target === entry.target ? next : m)) : [...members, next]);
  };

  const errorOf = (entry: TimelineEntry, field: Field): string | undefined => {
    const draft = drafts[`${entry.target}:${field}`];
    if (draft !== undefined) return fieldError(draft, limits[field]) ?? undefined;
    // Both valid alone: the bar must still end within the timeline.
    const end = entry.start + entry.duration;
    if (field === 'duration' && end > limits.duration.max) return `Ends at ${end} s; at most ${limits.duration.max} s`;
    return undefined;
  };

  if (methods.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No contact methods on this tab: place one to add it to this group.
      </Text>
    );
  }

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={`ring-members-${groupId}`}>
        Contact methods on this tab
      </Text>
      <Table fz="xs" aria-labelledby={`ring-members-${groupId}`} verticalSpacing={4} horizontalSpacing={4} className="ring-member-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contact</Table.Th>
            <Table.Th>In group</Table.Th>
            <Table.Th>{LABELS.start}</Table.Th>
            <Table.Th>{LABELS.duration}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {methods.map(([id, name]) => {
            const target = Number(id);
            const entry = entries.get(target);
            const shown = entry ?? { target, start: 0, duration: DEFAULT_DURATION };
            const number = (field: Field) => (
              <NumberInput
                size="xs"
                w={68}
                hideControls
                allowDecimal={false}
                clampBehavior="none"
                aria-label={`${name} ${LABELS[field].toLowerCase()}`}
                disabled={!entry}
                value={drafts[`${target}:${field}`] ?? shown[field]}
                error={entry ? errorOf(shown, field) : undefined}
                onChange={(value) => entry && type(entry, field, String(value))}
              />
            );
            return (
              <Table.Tr key={id}>
                <Table.Td>
                  <Text size="xs" truncate="end" title={name} maw={96}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={`${name} in this group`} checked={Boolean(entry)} onChange={(e) => toggle(target, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>{number('start')}</Table.Td>
                <Table.Td>{number('duration')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
