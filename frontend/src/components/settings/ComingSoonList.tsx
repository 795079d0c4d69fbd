import { Badge, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconKeyboard, IconMusic, IconSend, type Icon } from '@tabler/icons-react';

const upcoming: { title: string; description: string; icon: Icon }[] = [
  { title: 'Feature codes', description: 'Dialable codes such as *1 to record a call on demand.', icon: IconKeyboard },
  { title: 'Audio files', description: 'Announcements and music on hold for your call flows.', icon: IconMusic },
  {
    title: 'Delivery methods',
    description: 'Where recordings go: Email, FTP, SFTP, Dropbox, Google Drive or OneDrive.',
    icon: IconSend,
  },
];

/** The settings that later releases add, so admins know where they will live. */
export function ComingSoonList() {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      {upcoming.map(({ title, description, icon: Icon }) => (
        <Group key={title} align="flex-start" wrap="nowrap" gap="sm">
          <ThemeIcon variant="light" color="gray" size={36} radius="md">
            <Icon size={20} aria-hidden />
          </ThemeIcon>
          <div>
            <Group gap={6}>
              <Text fw={600} size="sm">
                {title}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                Coming soon
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </div>
        </Group>
      ))}
    </SimpleGrid>
  );
}
