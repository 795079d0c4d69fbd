import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconTopologyStar3 } from '@tabler/icons-react';

/** The product's mark and name, as shown in the header and above the login forms. */
export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 40 : 32} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
        <IconTopologyStar3 size={size === 'lg' ? 24 : 20} aria-hidden />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 22 : 18} lh={1}>
        Callflow Workspace
      </Text>
    </Group>
  );
}
