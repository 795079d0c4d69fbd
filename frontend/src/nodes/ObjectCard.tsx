import { Badge, Text, ThemeIcon } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { PortSpec } from '../api/workspace';
import { useShallow } from 'zustand/react/shallow';
import { problemsCurrent, useCanvasStore } from '../store/canvas';
import { HoverTooltip } from './HoverTooltip';
import { iconFor } from './icons';
import { PortRows } from './PortHandles';

interface ObjectCardProps {
  id: string;
  /** The object type, as the catalogue names it. */
  type: string;
  name: string;
  selected: boolean;
  /** The key facts: the number, the members, the contact. */
  children?: ReactNode;
  /** The ports to draw when the card shows only some of its type's (a router's used exits). */
  ports?: PortSpec[];
}

/**
 * The card every node draws: icon and colour from the catalogue, the name, the key facts,
 * the ports; a red outline and a count badge while the object has problems.
 */
export function ObjectCard({ id, type, name, selected, children, ports }: ObjectCardProps) {
  const { kind, problems, lit, change } = useCanvasStore(
    useShallow((state) => ({
      kind: state.catalogue[type],
      problems: problemsCurrent(state) ? (state.problemCounts[id] ?? 0) : 0,
      lit: state.lit?.nodes.includes(id) ?? false,
      change: state.diff?.nodes[id],
    })),
  );
  const color = kind?.color ?? '#64748b';
  const Icon = iconFor(kind?.icon);
  // "nokey": Shift on a card starts a Shift-drag (move with everything cabled), not a selection box.
  const classes = ['object-card nokey', selected && 'selected', problems > 0 && 'has-problems', lit && 'lit', change && `diff-${change}`]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={classes} style={{ '--object-color': color } as CSSProperties}>
      <div className="object-card-head">
        <ThemeIcon size={30} radius="md" style={{ background: color }} aria-hidden>
          <Icon size={18} stroke={1.8} />
        </ThemeIcon>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="sm" truncate="end" title={name} className="object-card-name">
            {name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} className="lod-detail">
            {kind?.displayName ?? type}
          </Text>
        </div>
        {change && (
          <Badge className="object-diff-badge" color={change === 'added' ? 'teal' : 'yellow'} size="sm" variant="filled">
            {change === 'added' ? 'New' : 'Changed'}
          </Badge>
        )}
        {problems > 0 && (
          <HoverTooltip label={`${problems} problem${problems === 1 ? '' : 's'}: see the Problems panel`}>
            <Badge className="object-problem-badge" color="red" size="sm" circle={problems < 10} aria-label={`${problems} problem${problems === 1 ? '' : 's'}`}>
              {problems}
            </Badge>
          </HoverTooltip>
        )}
      </div>
      {children && <div className="object-card-facts lod-detail">{children}</div>}
      <PortRows nodeId={id} ports={ports ?? kind?.ports ?? []} />
    </div>
  );
}
