import { Paper, Text } from '@mantine/core';
import { useEffect } from 'react';
import { create } from 'zustand';

/** Where and why the last cable was refused; cleared after a few seconds. */
interface RefusalState {
  refusal: { x: number; y: number; message: string; at: number } | null;
  refuse: (x: number, y: number, message: string) => void;
  clear: () => void;
}

export const useRefusalStore = create<RefusalState>()((set) => ({
  refusal: null,
  refuse: (x, y, message) => set({ refusal: { x, y, message, at: Date.now() } }),
  clear: () => set({ refusal: null }),
}));

const SHOWN_MS = 5000;

/**
 * A refused cable says why, next to the port where it was dropped: the rule's own message
 * (canvas/rules.ts), never a silent snap-back.
 */
export function RefusedCableHint() {
  const refusal = useRefusalStore((s) => s.refusal);
  const clear = useRefusalStore((s) => s.clear);
  useEffect(() => {
    if (!refusal) return;
    const timer = window.setTimeout(clear, SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [refusal, clear]);
  if (!refusal) return null;
  return (
    <Paper
      role="alert"
      aria-label="Cable refused"
      shadow="md"
      radius="md"
      p="xs"
      withBorder
      style={{ position: 'fixed', left: refusal.x + 14, top: refusal.y + 14, zIndex: 400, maxWidth: 300, borderColor: 'var(--mantine-color-red-4)' }}
      onClick={clear}
    >
      <Text size="sm" fw={600} c="red.8">
        Cable not drawn
      </Text>
      <Text size="sm">{refusal.message}</Text>
    </Paper>
  );
}
