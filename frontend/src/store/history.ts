/** The undo and redo stacks of the open tab (the steps themselves live in src/canvas/history.ts). */
import { create } from 'zustand';
import type { ObjectChanges, XY } from '../api/workspace';

export interface ObjectSnap {
  id: number;
  type: string;
  name: string;
  position: XY;
  properties: Record<string, unknown>;
}

export interface CableSnap {
  id: number;
  source: number;
  sourcePort: string;
  target: number;
  targetPort: string;
}

/** One undoable step. Ids are those at the time of the step; re-created items are aliased. */
export type HistoryEntry =
  | {
      kind: 'create' | 'delete';
      label: string;
      tabId: number;
      objects: ObjectSnap[];
      cables: CableSnap[];
      /** Objects the server changed as a side effect (ring groups losing a deleted member): restored too. */
      touched?: ObjectSnap[];
    }
  | { kind: 'move'; label: string; tabId: number; moves: { id: number; from: XY; to: XY }[] }
  | { kind: 'edit'; label: string; tabId: number; id: number; before: ObjectChanges; after: ObjectChanges };

interface HistoryState {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** A step is being replayed: others wait. */
  busy: boolean;
  push: (entry: HistoryEntry) => void;
  clear: () => void;
}

const LIMIT = 100;

export const useHistoryStore = create<HistoryState>()((set) => ({
  past: [],
  future: [],
  busy: false,
  push: (entry) => set((state) => ({ past: [...state.past.slice(-(LIMIT - 1)), entry], future: [] })),
  clear: () => set({ past: [], future: [] }),
}));
