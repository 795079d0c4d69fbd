/**
 * Forms that keep your work: leaving a page while a form on it has unsaved changes asks
 * first (in-app navigation through a dialog; closing or reloading the tab through the
 * browser's own prompt). Saving, or the form's own Cancel, clears the guard.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactElement, useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/** The dialog to render (null when nothing is blocked), and `allow()` for a navigation the
 * page does itself after saving (the form may still read dirty in that same moment). */
export function useConfirmLeave(dirty: boolean): { dialog: ReactElement | null; allow: () => void } {
  const allowed = useRef(false);
  const allow = useCallback(() => {
    allowed.current = true;
  }, []);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (blocker.state !== 'blocked') return { dialog: null, allow };
  const dialog = (
    <Modal opened onClose={() => blocker.reset()} title="Leave without saving?" centered>
      <Stack gap="md">
        <Text size="sm">Your changes on this page are not saved. Leave and lose them, or stay and save them?</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset()} data-autofocus>
            Stay
          </Button>
          <Button color="red" onClick={() => blocker.proceed()}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { dialog, allow };
}
