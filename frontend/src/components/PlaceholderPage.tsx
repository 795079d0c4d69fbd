import { EmptyState, Paper } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Page } from './Page';

interface PlaceholderPageProps {
  title: string;
  icon: Icon;
  /** One sentence: what this page will hold. */
  description: string;
  emptyTitle: string;
}

/** A section whose content comes in a later release: its title and a clear empty state. */
export function PlaceholderPage({ title, icon: Icon, description, emptyTitle }: PlaceholderPageProps) {
  return (
    <Page title={title}>
      <Paper withBorder radius="lg" py={64} px="xl">
        <EmptyState
          variant="light"
          size="lg"
          icon={<Icon size={32} stroke={1.5} aria-hidden />}
          title={emptyTitle}
          description={description}
        />
      </Paper>
    </Page>
  );
}
