import { ActionIcon, Group, Menu, Tabs, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { queryKeys } from '../../api/queryKeys';
import { type Tab, tabsApi } from '../../api/workspace';
import { queryClient } from '../../queryClient';
import { useCanvasStore } from '../../store/canvas';
import { reportError } from '../common/feedback';
import { PresenceAvatars } from './PresenceAvatars';
import { PublishControls } from './PublishControls';
import { DeleteTabModal } from './DeleteTabModal';
import { RenameTabModal } from './RenameTabModal';

interface WorkspaceTabBarProps {
  tabs: Tab[];
  activeId: number | null;
  onSelect: (tabId: number) => void;
}

/** The strip above the canvas: the tabs with add, rename and delete; presence; publishing. */
export function WorkspaceTabBar({ tabs, activeId, onSelect }: WorkspaceTabBarProps) {
  const [renaming, setRenaming] = useState<Tab | null>(null);
  const [deleting, setDeleting] = useState<Tab | null>(null);
  const [adding, setAdding] = useState(false);
  const { objects, cables } = useCanvasStore(useShallow((s) => ({ objects: s.nodes.filter((n) => n.id !== 'new').length, cables: s.edges.length })));
  const active = tabs.find((t) => t.id === activeId) ?? null;

  const moveTab = async (tab: Tab, by: number) => {
    try {
      await tabsApi.update(tab, { position: tab.position + by });
    } catch (error) {
      reportError(error, { title: 'Tab not moved', refetch: [queryKeys.tabs] });
    }
    await queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
  };
  const index = active ? tabs.indexOf(active) : -1;

  const addTab = async () => {
    setAdding(true);
    try {
      const tab = await tabsApi.create();
      await queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
      onSelect(tab.id);
    } catch (error) {
      reportError(error, { title: 'Tab not added', refetch: [queryKeys.tabs] });
    } finally {
      setAdding(false);
    }
  };

  return (
    <Group h={52} px="md" gap="sm" wrap="nowrap" justify="space-between" className="workspace-tabbar">
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0, flex: 1, overflowX: 'auto' }}>
        <Tabs value={activeId === null ? null : String(activeId)} onChange={(value) => value && onSelect(Number(value))} variant="pills" radius="md" activateTabWithKeyboard>
          <Tabs.List aria-label="Workspace tabs" style={{ flexWrap: 'nowrap' }}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={String(tab.id)} onDoubleClick={() => setRenaming(tab)} style={{ whiteSpace: 'nowrap' }}>
                {tab.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {active && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Options for tab ${active.name}`}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setRenaming(active)}>
                Rename tab
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowLeft size={16} aria-hidden />} disabled={index <= 0} onClick={() => void moveTab(active, -1)}>
                Move tab left
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowRight size={16} aria-hidden />} disabled={index >= tabs.length - 1} onClick={() => void moveTab(active, 1)}>
                Move tab right
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(active)}>
                Delete tab
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        <Tooltip label="Add tab" withArrow>
          <ActionIcon variant="light" aria-label="Add tab" onClick={() => void addTab()} loading={adding}>
            <IconPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <PresenceAvatars />
        <PublishControls />
      </Group>
      <RenameTabModal tab={renaming} onClose={() => setRenaming(null)} />
      <DeleteTabModal
        tab={deleting}
        contents={deleting && deleting.id === activeId ? { objects, cables } : undefined}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          const next = tabs.find((t) => t.id !== deleting?.id);
          if (next) onSelect(next.id);
        }}
      />
    </Group>
  );
}
