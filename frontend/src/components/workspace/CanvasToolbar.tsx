import { ActionIcon, Group, Paper, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconLayoutDistributeHorizontal, IconMaximize } from '@tabler/icons-react';
import { Panel, useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { redo, undo } from '../../canvas/history';
import { tidy } from '../../canvas/tidy';
import { useHistoryStore } from '../../store/history';
import { ObjectSearch } from './ObjectSearch';

/**
 * Above the canvas: find an object, undo and redo, tidy (auto-layout), fit the view. (The fit counts the objects
 * out of view too, with their estimated sizes: no object is ever hidden.) Memoised: the canvas
 * redraws on every step of a drag, the toolbar need not.
 */
export const CanvasToolbar = memo(function CanvasToolbar() {
  const { past, future, busy } = useHistoryStore(useShallow((s) => ({ past: s.past, future: s.future, busy: s.busy })));
  const { fitView } = useReactFlow();
  const lastDone = past[past.length - 1];
  const nextUndone = future[future.length - 1];
  return (
    <Panel position="top-left">
      <Paper shadow="xs" radius="md" p={4} withBorder>
        <Group gap={4} wrap="nowrap">
          <ObjectSearch />
          <Tooltip label={lastDone ? `Undo ${lastDone.label} (Ctrl+Z)` : 'Nothing to undo'} withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label="Undo" disabled={!lastDone || busy} onClick={() => void undo()}>
              <IconArrowBackUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={nextUndone ? `Redo ${nextUndone.label} (Ctrl+Shift+Z)` : 'Nothing to redo'} withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label="Redo" disabled={!nextUndone || busy} onClick={() => void redo()}>
              <IconArrowForwardUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Tidy: lay out the selected objects (or the whole tab) along their cables" withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Tidy"
              disabled={busy}
              onClick={() => void tidy().then((n) => n > 0 && fitView({ duration: 300, maxZoom: 1.1, padding: 0.2, includeHiddenNodes: true }))}
            >
              <IconLayoutDistributeHorizontal size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Fit the view to all objects" withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label="Fit view" onClick={() => void fitView({ duration: 300, maxZoom: 1.1, padding: 0.2, includeHiddenNodes: true })}>
              <IconMaximize size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Paper>
    </Panel>
  );
});
