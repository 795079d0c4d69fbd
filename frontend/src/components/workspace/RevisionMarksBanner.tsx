import { Button, Group, Paper, Text } from '@mantine/core';
import { IconGitCompare, IconX } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import { useCanvasStore } from '../../store/canvas';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Over the canvas while a revision's changes are marked: what they are, and Clear (Esc). */
export function RevisionMarksBanner() {
  const { diff, nodes, setDiff } = useCanvasStore(useShallow((s) => ({ diff: s.diff, nodes: s.nodes, setDiff: s.setDiff })));
  if (!diff) return null;
  const marks = Object.entries(diff.nodes);
  const here = new Set(nodes.map((n) => n.id));
  const added = marks.filter(([id, kind]) => kind === 'added' && here.has(id)).length;
  const changed = marks.filter(([id, kind]) => kind === 'changed' && here.has(id)).length;
  const elsewhere = marks.filter(([id]) => !here.has(id)).length;
  const cables = Object.keys(diff.edges).length;
  const parts = [
    added > 0 && { text: plural(added, 'added object'), color: 'teal' },
    changed > 0 && { text: plural(changed, 'changed object'), color: 'yellow.8' },
    cables > 0 && { text: plural(cables, 'new cable'), color: 'teal' },
    diff.removed.length > 0 && { text: `removed: ${diff.removed.join(', ')}`, color: 'red' },
    elsewhere > 0 && { text: `${plural(elsewhere, 'change')} on other tabs`, color: 'dimmed' },
  ].filter((part): part is { text: string; color: string } => Boolean(part));
  return (
    <Paper withBorder shadow="sm" radius="md" px="md" py={6} role="status" aria-label="Revision changes" style={{ whiteSpace: 'nowrap', maxWidth: 720 }}>
      <Group gap="xs" wrap="nowrap">
        <IconGitCompare size={18} aria-hidden />
        <Text size="sm" fw={600}>
          Revision {diff.to} against {diff.from}:
        </Text>
        {parts.length === 0 && (
          <Text size="sm" c="dimmed">
            nothing on this tab
          </Text>
        )}
        {parts.map((part, index) => (
          <Text key={part.text} size="sm" c={part.color} fw={500} truncate="end" title={part.text}>
            {part.text}
            {index < parts.length - 1 ? ',' : ''}
          </Text>
        ))}
        <Button size="compact-xs" variant="subtle" leftSection={<IconX size={12} aria-hidden />} onClick={() => setDiff(null)}>
          Clear
        </Button>
      </Group>
    </Paper>
  );
}
