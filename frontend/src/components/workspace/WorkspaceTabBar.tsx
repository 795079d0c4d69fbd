import { Badge, Group, Text, Title } from '@mantine/core';

/** The strip above the canvas: the workspace title and, once tabs exist, the tab list. */
export function WorkspaceTabBar({ title }: { title: string }) {
  return (
    <Group
      h={48}
      px="md"
      gap="md"
      wrap="nowrap"
      justify="space-between"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-body)' }}
    >
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        <Title order={1} fz="lg" style={{ whiteSpace: 'nowrap' }}>
          {title}
        </Title>
        <Group
          gap="xs"
          h={32}
          px="sm"
          style={{
            flex: 1,
            minWidth: 0,
            border: '1px dashed var(--mantine-color-gray-4)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Text size="xs" c="dimmed">
            Tabs of this workspace will appear here
          </Text>
        </Group>
      </Group>
      <Badge variant="light" color="gray" size="lg" radius="sm">
        Not published yet
      </Badge>
    </Group>
  );
}
