/** How the canvas reports a refused change: the server's message, said once. */
import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/client';

export function notifyRefused(title: string, error: unknown): void {
  // A 412 has reloaded the item and said so already.
  if (isApiError(error, 412)) return;
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : 'Something went wrong.' });
}
