import { Button, Group } from '@mantine/core';
import { useRole, VIEW_ONLY_REASON } from '../../auth/role';

/** Cancel and Save at the bottom of a form in a modal. */
export function FormButtons({ onCancel, saving, saveLabel = 'Save' }: { onCancel: () => void; saving: boolean; saveLabel?: string }) {
  const { role, canEdit } = useRole();
  const viewOnly = Boolean(role) && !canEdit;
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving} disabled={viewOnly} title={viewOnly ? VIEW_ONLY_REASON : undefined}>
        {saveLabel}
      </Button>
    </Group>
  );
}
