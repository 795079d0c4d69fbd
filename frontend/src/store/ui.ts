/** Which workspace panels and dialogs are open: shared by the tab bar, palette and canvas. */
import { create } from 'zustand';
import type { XY } from '../api/workspace';

export type BottomTab = 'problems' | 'simulate';

interface UiState {
  /** A type dropped on the canvas, waiting for its form. */
  newObject: { type: string; position: XY } | null;
  bottom: BottomTab | null;
  historyOpen: boolean;
  /** The publish preview dialog (opened from the header, the tab bar or a toast's Publish link). */
  publishOpen: boolean;
  /** Objects to select and centre, once they are on the canvas (maybe after a tab switch). */
  focus: number[] | null;
  /** Whether the focus also selects them (a revision's marks are only shown, not selected). */
  focusSelects: boolean;
  /** A tab the workspace should open (e.g. to show a problem's object). */
  tabRequest: number | null;
  openNewObject: (type: string, position: XY) => void;
  closeNewObject: () => void;
  toggleBottom: (tab: BottomTab) => void;
  setBottom: (tab: BottomTab | null) => void;
  setHistoryOpen: (open: boolean) => void;
  setPublishOpen: (open: boolean) => void;
  focusObjects: (ids: number[], options?: { select?: boolean }) => void;
  requestTab: (tabId: number | null) => void;
}

/** The bottom panel the admin left open ('none': collapsed on purpose), kept across visits. */
const BOTTOM_KEY = 'workspace.bottom';

function rememberedBottom(): BottomTab | null | undefined {
  try {
    const value = window.localStorage.getItem(BOTTOM_KEY);
    if (value === 'problems' || value === 'simulate') return value;
    return value === 'none' ? null : undefined;
  } catch {
    return undefined;
  }
}

function rememberBottom(tab: BottomTab | null): void {
  try {
    window.localStorage.setItem(BOTTOM_KEY, tab ?? 'none');
  } catch {
    // private mode: the choice lasts this visit only
  }
}

/** Whether the admin ever chose; until then the panel opens only when there are problems. */
export const bottomWasChosen = () => rememberedBottom() !== undefined;

export const useUiStore = create<UiState>()((set) => ({
  newObject: null,
  // Collapsed by default: the canvas gets the room, and a problem opens it (BottomPanel).
  bottom: rememberedBottom() ?? null,
  historyOpen: false,
  publishOpen: false,
  focus: null,
  focusSelects: true,
  tabRequest: null,
  openNewObject: (type, position) => set({ newObject: { type, position } }),
  closeNewObject: () => set({ newObject: null }),
  toggleBottom: (tab) =>
    set((state) => {
      const bottom = state.bottom === tab ? null : tab;
      rememberBottom(bottom);
      return { bottom };
    }),
  setBottom: (bottom) => set({ bottom }),
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  setPublishOpen: (publishOpen) => set({ publishOpen }),
  focusObjects: (ids, options) => set({ focus: ids.length ? [...ids] : null, focusSelects: options?.select ?? true }),
  requestTab: (tabRequest) => set({ tabRequest }),
}));
