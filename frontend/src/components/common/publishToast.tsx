/**
 * Toasts that say when a save takes effect. Canvas edits wait for a publish (the toast says so
 * and offers Publish); contact-center settings are live on save (the toast says on how many
 * devices). So no toast lets an admin believe a change is live when it is not.
 */
import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUiStore } from '../../store/ui';

export function notifyNeedsPublish(title: string, detail?: string): void {
  const id = `publish-${Date.now()}`;
  notifications.show({
    id,
    color: 'orange',
    title,
    message: (
      <Text size="sm" component="span">
        {detail ? `${detail} ` : ''}Takes effect when you publish.{' '}
        <Anchor
          component="button"
          type="button"
          size="sm"
          aria-label="Publish: open the preview"
          onClick={() => {
            notifications.hide(id);
            useUiStore.getState().setPublishOpen(true);
          }}
        >
          Publish
        </Anchor>
      </Text>
    ),
  });
}

/** Accepted with a warning: what publishing will report until the admin fixes it. */
export function notifyWarnings(title: string, warnings: { message: string }[]): void {
  for (const warning of warnings) notifications.show({ color: 'yellow', title, message: warning.message, autoClose: 10000 });
}
