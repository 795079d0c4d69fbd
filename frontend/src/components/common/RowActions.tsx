import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useRole } from '../../auth/role';

interface RowActionsProps {
  /** The item's name, for the buttons' accessible names ("Edit Reception"). */
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  /** Why delete is not offered (e.g. the built-in provider). */
  deleteDisabledReason?: string;
  /** More icons before edit and delete. */
  children?: ReactNode;
}

/** The edit and delete icons at the end of a table row. */
export function RowActions({ name, onEdit, onDelete, deleteDisabledReason, children }: RowActionsProps) {
  const { role, canEdit } = useRole();
  const viewOnly = Boolean(role) && !canEdit; // a viewer opens the form to read it; no delete
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {children}
      {onEdit && (
        <Tooltip label={viewOnly ? 'View' : 'Edit'} withArrow>
          <ActionIcon variant="subtle" color="gray" aria-label={`${viewOnly ? 'View' : 'Edit'} ${name}`} onClick={onEdit}>
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      {onDelete && !viewOnly && (
        <Tooltip label={deleteDisabledReason ?? 'Delete'} withArrow>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${name}`}
            disabled={Boolean(deleteDisabledReason)}
            onClick={onDelete}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
