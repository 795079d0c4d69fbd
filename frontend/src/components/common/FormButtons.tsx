import { Button, Group } from '@mantine/core';

/** Cancel and Save at the bottom of a form in a modal. */
export function FormButtons({ onCancel, saving, saveLabel = 'Save' }: { onCancel: () => void; saving: boolean; saveLabel?: string }) {
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {saveLabel}
      </Button>
    </Group>
  );
}
