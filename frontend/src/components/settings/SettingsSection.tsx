import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SettingsSectionProps {
  /** The anchor that the account menu links to (/settings#id). */
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}

/** One titled card of the Settings page, reachable by its hash. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper component="section" id={id} aria-labelledby={headingId} withBorder radius="lg" p="xl" style={{ scrollMarginTop: 80 }}>
      <Stack gap={4} mb="lg">
        <Title order={2} fz="xl" id={headingId}>
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </Stack>
      {children}
    </Paper>
  );
}
