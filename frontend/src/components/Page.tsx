import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  description?: string;
  /** Buttons shown at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A regular (non-canvas) page inside the app frame: a titled, padded column. */
export function Page({ title, description, actions, children }: PageProps) {
  useDocumentTitle(`${title} · Callflow Workspace`);
  return (
    <Container size="lg" w="100%" py="xl" px="lg">
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1} fz={28}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" mt={4}>
                {description}
              </Text>
            )}
          </div>
          {actions}
        </Group>
        {children}
      </Stack>
    </Container>
  );
}
