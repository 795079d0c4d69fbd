/** Loading a tab's draft into the canvas: on opening it, after a reconnect, after a rollback. */
import { draftApi } from '../api/workspace';
import { useCanvasStore } from '../store/canvas';
import { requestValidation } from './ops';

/** How long a loaded draft waits for the catalogue (fetched at the same time) at most. */
const CATALOGUE_WAIT_MS = 3000;

/**
 * Resolves once the catalogue is in the store (or after `CATALOGUE_WAIT_MS`): the cards' estimated
 * sizes come from it, and without them React Flow mounts every card of the tab to measure it.
 */
function catalogueLoaded(): Promise<void> {
  const has = () => Object.keys(useCanvasStore.getState().catalogue).length > 0;
  if (has()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, CATALOGUE_WAIT_MS);
    const stop = useCanvasStore.subscribe(() => {
      if (has()) done();
    });
  });
}

export async function loadTab(tabId: number): Promise<void> {
  const store = useCanvasStore.getState();
  if (store.tabId !== tabId) return;
  try {
    const [draft] = await Promise.all([draftApi.load(tabId), catalogueLoaded()]);
    useCanvasStore.getState().loadDraft(draft);
    requestValidation(0);
    catchUp();
  } catch {
    if (useCanvasStore.getState().tabId === tabId) useCanvasStore.getState().setStatus('error');
  }
}

/** Reload whatever tab is open. */
export function reloadOpenTab(): Promise<void> {
  const tabId = useCanvasStore.getState().tabId;
  return tabId === null ? Promise.resolve() : loadTab(tabId);
}

/**
 * The draft version the server had when this browser joined the open tab's room. The tab's
 * edits after it arrive as events; the ones before it only by a load. The tab's load and the
 * join race (on opening a tab, on connecting), so an edit committed after the load read the
 * draft but before the join reached nobody: the canvas loads again while it is behind.
 */
let joined: { tabId: number; version: number } | null = null;

export function catchUpFrom(tabId: number, version: number): void {
  joined = { tabId, version };
  catchUp();
}

function catchUp(): void {
  const state = useCanvasStore.getState();
  if (joined === null || joined.tabId !== state.tabId || state.status !== 'ready') return;
  // The version is the account's: an edit on another tab also reloads this one, once.
  if (state.draftVersion < joined.version) void loadTab(joined.tabId);
}
