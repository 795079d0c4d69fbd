import { Button } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import { useObjectIndex, useTabs } from '../../api/workspace';
import { nodeIndex, useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';

/** The objects a problem names, each a button that selects and centres it (on its tab). */
export function ObjectChips({ ids, onShow }: { ids: number[]; onShow?: () => void }) {
  const here = useCanvasStore(useShallow((s) => ids.map((id) => nodeIndex(s.nodes).get(String(id))?.data.name ?? null)));
  const elsewhere = here.some((name) => name === null);
  const index = useObjectIndex(elsewhere);
  const tabs = useTabs();
  const focusObjects = useUiStore((s) => s.focusObjects);

  const nameOf = (id: number, position: number): string => {
    if (here[position] !== null) return here[position];
    const object = index.data?.items.find((o) => o.id === id);
    if (!object) return 'Object not found';
    const tab = tabs.data?.items.find((t) => t.id === object.tabId);
    return tab ? `${object.name} (${tab.name})` : object.name;
  };

  return (
    <>
      {ids.map((id, position) => {
        const name = nameOf(id, position);
        return (
          <Button
            key={id}
            size="compact-xs"
            variant="light"
            color="gray"
            leftSection={<IconFocus2 size={12} aria-hidden />}
            aria-label={`Show ${name}`}
            onClick={() => {
              focusObjects([id]);
              onShow?.();
            }}
          >
            {name}
          </Button>
        );
      })}
    </>
  );
}
