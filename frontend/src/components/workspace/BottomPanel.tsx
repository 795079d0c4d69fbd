import { type ReactNode, useEffect } from 'react';
import { Badge, Box, Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconPlayerPlay } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import { problemsCurrent, useCanvasStore } from '../../store/canvas';
import { type BottomTab, bottomWasChosen, useUiStore } from '../../store/ui';
import { ProblemsPanel } from './ProblemsPanel';
import { SimulatorPanel } from './SimulatorPanel';

/** The collapsible strip under the canvas: the problems and the call simulator. Collapsed by
 * default when there are no problems; the admin's own choice is remembered (store/ui.ts). */
export function BottomPanel() {
  const { bottom, toggle } = useUiStore(useShallow((s) => ({ bottom: s.bottom, toggle: s.toggleBottom })));
  const { errors, warnings } = useCanvasStore(
    useShallow((s) => {
      const shown = problemsCurrent(s) ? s.problems : [];
      return { errors: shown.filter((p) => p.severity === 'error').length, warnings: shown.filter((p) => p.severity !== 'error').length };
    }),
  );
  // Until the admin opens or closes it themselves, the panel shows itself when errors stand.
  useEffect(() => {
    if (errors > 0 && !bottomWasChosen() && useUiStore.getState().bottom === null) useUiStore.getState().setBottom('problems');
  }, [errors]);
  const tabButton = (tab: BottomTab, label: string, icon: ReactNode, extra?: ReactNode) => (
    <Button
      size="compact-sm"
      variant={bottom === tab ? 'light' : 'subtle'}
      color={bottom === tab ? 'indigo' : 'gray'}
      leftSection={icon}
      rightSection={extra}
      onClick={() => toggle(tab)}
      aria-label={label}
      aria-expanded={bottom === tab}
      aria-controls={`bottom-${tab}`}
    >
      {label}
    </Button>
  );
  return (
    <Box className="workspace-bottom">
      <Group h={36} px="sm" gap="xs" justify="space-between" className="workspace-bottom-bar">
        <Group gap="xs">
          {tabButton(
            'problems',
            'Problems',
            <IconAlertTriangle size={15} aria-hidden />,
            <Group gap={4} aria-hidden>
              {errors > 0 && <Badge size="xs" color="red" circle={errors < 10}>{errors}</Badge>}
              {warnings > 0 && <Badge size="xs" color="orange" circle={warnings < 10}>{warnings}</Badge>}
            </Group>,
          )}
          {tabButton('simulate', 'Simulate', <IconPlayerPlay size={15} aria-hidden />)}
        </Group>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => toggle(bottom ?? 'problems')} aria-label={bottom ? 'Collapse panel' : 'Expand panel'}>
          {bottom ? <IconChevronDown size={16} aria-hidden /> : <IconChevronUp size={16} aria-hidden />}
        </Button>
      </Group>
      {bottom && (
        <Box h={230} id={`bottom-${bottom}`} role="region" aria-label={bottom === 'problems' ? 'Problems panel' : 'Simulator panel'} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          {bottom === 'problems' ? <ProblemsPanel /> : <SimulatorPanel />}
        </Box>
      )}
    </Box>
  );
}
