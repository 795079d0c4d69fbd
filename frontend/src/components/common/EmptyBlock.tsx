import { EmptyState, Paper } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useRole } from '../../auth/role';

interface EmptyBlockProps {
  icon: Icon;
  title: string;
  /** What to do next. */
  description: ReactNode;
  /** Usually the button that adds the first item. */
  action?: ReactNode;
  /** Drop the border when it sits inside a card already. */
  bare?: boolean;
}

/** An empty collection: what is missing and what to do next. */
export function EmptyBlock({ icon: Icon, title, description, action, bare }: EmptyBlockProps) {
  const { role, canEdit } = useRole();
  const shown = role && !canEdit ? null : action; // a viewer adds nothing
  return (
    <Paper withBorder={!bare} radius="lg" py={bare ? 'md' : 48} px="xl">
      <EmptyState
        variant="light"
        size={bare ? 'sm' : 'md'}
        icon={<Icon size={bare ? 22 : 28} stroke={1.5} aria-hidden />}
        title={title}
        description={description}
      >
        {shown && <EmptyState.Actions>{shown}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
