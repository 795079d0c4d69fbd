import { Badge, Container, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useRole, VIEW_ONLY_REASON } from '../auth/role';

interface PageProps {
  title: string;
  description?: string;
  /** Buttons shown at the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
}

export function ViewOnlyBadge() {
  return (
    <Tooltip label={VIEW_ONLY_REASON} multiline w={260} withArrow>
      <Badge color="gray" variant="light" size="lg" tabIndex={0}>
        View only
      </Badge>
    </Tooltip>
  );
}

/** A regular (non-canvas) page inside the app frame: a titled, padded column. */
export function Page({ title, description, actions, children }: PageProps) {
  useDocumentTitle(`${title} · Callflow Workspace`);
  const { role, canEdit } = useRole();
  // A viewer gets no add/import buttons: the API would refuse them (403) anyway.
  const shownActions = role && !canEdit ? <ViewOnlyBadge /> : actions;
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
          {shownActions}
        </Group>
        {children}
      </Stack>
    </Container>
  );
}
