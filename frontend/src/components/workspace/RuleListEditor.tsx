import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallerRule, RuleMatch } from '../../nodes/routerTypes';

const MAX_RULES = 10;
const EXITS = Array.from({ length: MAX_RULES }, (_, i) => `rule_${i + 1}`);
const MATCHES = [
  { value: 'exact', label: 'Exact number' },
  { value: 'prefix', label: 'Starts with' },
  { value: 'anonymous', label: 'Withheld' },
];

interface RuleListEditorProps {
  rules: CallerRule[];
  onChange: (rules: CallerRule[]) => void;
}

/**
 * A Caller Router's rules, first match wins: drag a row (or use the arrows) to reorder. Each
 * rule keeps its exit (rule_n) when moved, so its cable stays where it is.
 */
export function RuleListEditor({ rules, onChange }: RuleListEditorProps) {
  const [dragged, setDragged] = useState<number | null>(null);
  const set = (index: number, change: Partial<CallerRule>) => onChange(rules.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= rules.length || from === to) return;
    const next = [...rules];
    const [rule] = next.splice(from, 1);
    next.splice(to, 0, rule);
    onChange(next);
  };
  const add = () => {
    const free = EXITS.find((e) => !rules.some((r) => r.exit === e));
    if (free) onChange([...rules, { match: 'prefix', number: '', label: '', exit: free }]);
  };
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Rules
      </Text>
      <Text size="xs" c="dimmed">
        Checked in order; the first that matches the caller wins. Calls no rule matches leave by Default.
      </Text>
      {rules.map((rule, index) => (
        <Paper
          key={rule.exit}
          withBorder
          p={6}
          draggable
          onDragStart={() => setDragged(index)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={() => {
            if (dragged !== null) move(dragged, index);
            setDragged(null);
          }}
          aria-label={`Rule ${index + 1}`}
          role="group"
          style={{ opacity: dragged === index ? 0.5 : 1 }}
        >
          <Group gap={4} wrap="nowrap" align="flex-start">
            <IconGripVertical size={16} aria-hidden style={{ marginTop: 6, cursor: 'grab', flexShrink: 0 }} />
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap={4} grow wrap="nowrap">
                <Select size="xs" aria-label={`Rule ${index + 1} matches`} data={MATCHES} value={rule.match} allowDeselect={false} onChange={(v) => set(index, { match: (v ?? 'prefix') as RuleMatch })} />
                {rule.match !== 'anonymous' && (
                  <TextInput size="xs" aria-label={`Rule ${index + 1} number`} placeholder={rule.match === 'prefix' ? '+49' : '+4930123456'} value={rule.number} onChange={(e) => set(index, { number: e.currentTarget.value.trim() })} />
                )}
              </Group>
              <TextInput size="xs" aria-label={`Rule ${index + 1} exit label`} placeholder="Exit label, e.g. VIP" value={rule.label} maxLength={40} onChange={(e) => set(index, { label: e.currentTarget.value })} />
            </Stack>
            <Stack gap={0}>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
                <IconArrowUp size={14} aria-hidden />
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move rule ${index + 1} down`} disabled={index === rules.length - 1} onClick={() => move(index, index + 1)}>
                <IconArrowDown size={14} aria-hidden />
              </ActionIcon>
              <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove rule ${index + 1}`} onClick={() => onChange(rules.filter((_, i) => i !== index))}>
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Stack>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} disabled={rules.length >= MAX_RULES}>
          Add rule
        </Button>
      </Group>
    </Stack>
  );
}
