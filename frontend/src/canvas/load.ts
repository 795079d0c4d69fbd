/** Loading a tab's draft into the canvas: on opening it, after a reconnect, after a rollback. */
import { draftApi } from '../api/workspace';
import { useCanvasStore } from '../store/canvas';
import { requestValidation } from './ops';

export async function loadTab(tabId: number): Promise<void> {
  const store = useCanvasStore.getState();
  if (store.tabId !== tabId) return;
  try {
    const draft = await draftApi.load(tabId);
    useCanvasStore.getState().loadDraft(draft);
    requestValidation(0);
  } catch {
    if (useCanvasStore.getState().tabId === tabId) useCanvasStore.getState().setStatus('error');
  }
}

/** Reload whatever tab is open. */
export function reloadOpenTab(): Promise<void> {
  const tabId = useCanvasStore.getState().tabId;
  return tabId === null ? Promise.resolve() : loadTab(tabId);
}
