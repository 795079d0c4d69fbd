import { ActionIcon, Menu } from '@mantine/core';
import { IconPencil, IconSettings, IconTrash } from '@tabler/icons-react';
import type { Provider } from '../../api/providers';

/** The gear of a provider: edit it, or delete it (never the built-in one). */
export function ProviderMenu({ provider, onEdit, onDelete }: { provider: Provider; onEdit: () => void; onDelete: () => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Settings of ${provider.name}`}>
          <IconSettings size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          Edit service provider
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          disabled={provider.builtin}
          onClick={onDelete}
          title={provider.builtin ? 'The built-in provider cannot be deleted' : undefined}
        >
          Delete service provider
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
