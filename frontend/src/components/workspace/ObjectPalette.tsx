import { ScrollArea, Stack, Text } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import type { ObjectType } from '../../api/workspace';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { PaletteItem } from './PaletteItem';

const CATEGORIES: { key: ObjectType['category']; label: string }[] = [
  { key: 'entry', label: 'Entries' },
  { key: 'routing', label: 'Routing' },
  { key: 'destination', label: 'Destinations' },
];

/**
 * The object palette, drawn from the catalogue: drag a type onto the canvas, or press it to
 * place one in the middle of the view.
 */
export function ObjectPalette({ types, disabled }: { types: ObjectType[]; disabled: boolean }) {
  const openNewObject = useUiStore((s) => s.openNewObject);
  const { screenToFlowPosition } = useReactFlow();

  const placeInView = (type: string) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const at = screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    const offset = (useCanvasStore.getState().nodes.length % 5) * 24;
    openNewObject(type, { x: Math.round(at.x - 116 + offset), y: Math.round(at.y - 40 + offset) });
  };
  const known = new Set(CATEGORIES.map((c) => c.key));
  const groups = [...CATEGORIES, { key: 'other', label: 'Other' }]
    .map((c) => ({ ...c, items: types.filter((t) => (c.key === 'other' ? !known.has(t.category) : t.category === c.key)) }))
    .filter((c) => c.items.length > 0);

  return (
    <nav aria-label="Object palette" className="workspace-palette">
      <ScrollArea h="100%" type="auto">
        <Stack gap="md" p="sm">
          {groups.map((group) => (
            <Stack gap={6} key={group.key}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {group.label}
              </Text>
              {group.items.map((type) => (
                <PaletteItem key={type.type} type={type} disabled={disabled} onPlace={() => placeInView(type.type)} />
              ))}
            </Stack>
          ))}
        </Stack>
      </ScrollArea>
    </nav>
  );
}
