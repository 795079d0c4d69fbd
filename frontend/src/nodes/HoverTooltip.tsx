import { Tooltip } from '@mantine/core';
import { cloneElement, type PointerEvent, type ReactElement, useState } from 'react';

interface HoverTooltipProps {
  label: string;
  children: ReactElement<{ onPointerEnter?: (event: PointerEvent) => void }>;
}

/**
 * A Mantine tooltip that is only mounted once the pointer first enters its target. Cards are
 * mounted by the hundred as a large tab is opened or panned, and a tooltip each (a ring group
 * has one per timeline row) was a large part of what mounting a card cost.
 */
export function HoverTooltip({ label, children }: HoverTooltipProps) {
  const [armed, setArmed] = useState(false);
  if (armed) {
    return (
      <Tooltip label={label} withArrow defaultOpened>
        {children}
      </Tooltip>
    );
  }
  return cloneElement(children, { onPointerEnter: () => setArmed(true) });
}
