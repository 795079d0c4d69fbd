import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { DragEvent } from 'react';
import type { ObjectType } from '../../api/workspace';
import { iconFor } from '../../nodes/icons';

/** The drag payload: the object type's name. */
export const PALETTE_MIME = 'application/x-callflow-object-type';

/** One type of the palette: a button named by the type, draggable onto the canvas. */
export function PaletteItem({ type, disabled, onPlace }: { type: ObjectType; disabled: boolean; onPlace: () => void }) {
  const Icon = iconFor(type.icon);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, type.type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <UnstyledButton
      className="palette-item"
      draggable={!disabled}
      disabled={disabled}
      onDragStart={onDragStart}
      onClick={onPlace}
      aria-label={type.displayName}
      title={`Drag onto the canvas, or press to place a ${type.displayName}`}
      data-type={type.type}
    >
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={28} radius="md" style={{ background: type.color }} aria-hidden>
          <Icon size={16} stroke={1.8} />
        </ThemeIcon>
        <Text size="sm" fw={500}>
          {type.displayName}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
