import { ActionIcon, Menu } from '@mantine/core';
import { IconPencil, IconSettings, IconTrash } from '@tabler/icons-react';

/** The gear of a contact: "Edit contact" and "Delete contact", as in the guide. */
export function ContactMenu({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={`Settings of ${name}`}>
          <IconSettings size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          Edit contact
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
          Delete contact
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
