import { Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDragDrop } from '@tabler/icons-react';

/** Laid over an empty canvas; lets every pointer event through to the canvas below. */
export function CanvasEmptyState() {
  return (
    <Center pos="absolute" inset={0} style={{ pointerEvents: 'none', zIndex: 4 }}>
      <Stack align="center" gap="sm" maw={360} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconDragDrop size={30} stroke={1.5} aria-hidden />
        </ThemeIcon>
        <Text fw={600} size="lg">
          Drag objects from the palette to start your call flow
        </Text>
        <Text size="sm" c="dimmed">
          Place phone numbers, ring groups and contacts, then wire them together with cables.
        </Text>
      </Stack>
    </Center>
  );
}
