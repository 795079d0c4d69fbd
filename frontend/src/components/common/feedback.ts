/** How every page reports a failed save or delete: stale copies, field errors, the rest. */
import { notifications } from '@mantine/notifications';
import type { QueryKey } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { queryClient } from '../../queryClient';

export const STALE_TITLE = 'Someone else changed this item — reloaded';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/** 412: the item changed since it was loaded. Tell the admin and load the current copy. */
export function reloadStale(refetch: readonly QueryKey[]): void {
  notifications.show({
    color: 'yellow',
    title: STALE_TITLE,
    message: 'Your change was not saved. Look at the current values and try again.',
  });
  for (const queryKey of refetch) void queryClient.invalidateQueries({ queryKey });
}

/**
 * Report a failed mutation. 412 reloads (returns 'stale': close the form); 422 puts the
 * messages on the form's fields (returns 'fields'); anything else is a notification.
 */
export function reportError(
  error: unknown,
  options: { title: string; refetch: readonly QueryKey[]; form?: FormLike },
): 'stale' | 'fields' | 'other' {
  if (isApiError(error, 412)) {
    reloadStale(options.refetch);
    return 'stale';
  }
  if (options.form && isApiError(error, 422) && Object.keys(error.fieldErrors).length > 0) {
    options.form.setErrors(error.fieldErrors);
    // Messages for fields the form does not show (e.g. "_schema") must not vanish.
    const shown = Object.keys(options.form.getValues());
    const unplaced = Object.entries(error.fieldErrors).filter(([path]) => !shown.includes(path.split('.')[0]));
    if (unplaced.length > 0) {
      notifications.show({ color: 'red', title: options.title, message: unplaced.map(([, message]) => message).join(' ') });
    }
    return 'fields';
  }
  notifications.show({
    color: 'red',
    title: options.title,
    message: error instanceof Error ? error.message : 'Something went wrong.',
  });
  return 'other';
}

export function notifySaved(title: string, message?: string): void {
  notifications.show({ color: 'teal', title, message: message ?? '' });
}
