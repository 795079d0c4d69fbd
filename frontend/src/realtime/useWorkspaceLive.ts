/**
 * The workspace page's live connection: join the open tab, apply the others' changes, keep
 * presence and problems current, and after a lost connection load the tab again ("Live again").
 */
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { queryKeys } from '../api/queryKeys';
import type { Problem } from '../api/workspace';
import type { Call } from '../api/calls';
import { applyLiveCall, clearLiveCalls, loadLiveCalls } from '../canvas/liveCalls';
import { reloadOpenTab } from '../canvas/load';
import { queryClient } from '../queryClient';
import { useCanvasStore } from '../store/canvas';
import { applyCable, applyCableDeleted, applyDrag, applyObject, applyObjectDeleted } from './apply';
import { joinTab, type PresentAdmin, setLiveSocket, useLiveStore } from './live';
import { camel, subscribeWorkspace } from './socket';

/** A `presence` event. Declared out here: inside the hook, Babel's parser (the ESLint one)
 * reads a type literal's `tabId` key as a use of the hook's `tabId` argument. */
interface Presence {
  tabId: number;
  admins: PresentAdmin[];
}

export function useWorkspaceLive(tabId: number | null): void {
  useEffect(() => {
    let lost = false;
    const refreshTabs = () => void queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
    const { socket, stop } = subscribeWorkspace({
      connect: () => {
        const open = useCanvasStore.getState().tabId;
        if (open !== null) joinTab(open);
        useLiveStore.setState({ connected: true, reconnecting: false });
        void loadLiveCalls();
        if (lost) {
          lost = false;
          void reloadOpenTab();
          void queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
          void queryClient.invalidateQueries({ queryKey: queryKeys.workspaceState });
          notifications.show({ id: 'live', color: 'teal', title: 'Live again', message: 'The canvas is up to date with the server.' });
        }
      },
      disconnect: () => {
        lost = true;
        useLiveStore.setState({ connected: false, reconnecting: true, present: [], cursors: {} });
      },
      'object.created': (p) => applyObject(camel(p)),
      'object.updated': (p) => applyObject(camel(p)),
      'object.deleted': (p) => applyObjectDeleted(camel(p)),
      'cable.created': (p) => applyCable(camel(p)),
      'cable.deleted': (p) => applyCableDeleted(camel(p)),
      drag: (p) => applyDrag(camel(p)),
      'validation.updated': (p) => {
        const { problems, draftVersion } = camel<{ problems: Problem[]; draftVersion: number }>(p);
        useCanvasStore.getState().setProblems(problems, draftVersion);
      },
      presence: (p) => {
        const { tabId: on, admins } = camel<Presence>(p);
        if (on !== useCanvasStore.getState().tabId) return;
        const here = new Set(admins.map((a) => a.actor));
        const cursors = Object.fromEntries(Object.entries(useLiveStore.getState().cursors).filter(([actor]) => here.has(Number(actor))));
        useLiveStore.setState({ present: admins, cursors });
      },
      cursor: (p) => {
        const { actor, name, x, y } = camel<{ actor: number; name: string; x: number; y: number }>(p);
        if (actor === useLiveStore.getState().actor) return;
        useLiveStore.setState((s) => ({ cursors: { ...s.cursors, [actor]: { name, x, y } } }));
      },
      'tab.created': refreshTabs,
      'tab.updated': refreshTabs,
      'tab.deleted': refreshTabs,
      'revision.published': () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspaceState });
        void queryClient.invalidateQueries({ queryKey: queryKeys.revisions });
      },
      'call.updated': (p) => {
        const { call } = camel<{ call?: Call }>(p);
        if (call) applyLiveCall(call);
      },
      'draft.replaced': () => {
        refreshTabs();
        void reloadOpenTab();
      },
    });
    setLiveSocket(socket);
    return () => {
      // The connection stays for the other pages: this canvas leaves its tab's room (and its
      // presence) itself.
      if (socket.connected) socket.emit('leave_tab', {});
      stop();
      setLiveSocket(null);
      clearLiveCalls();
      useLiveStore.setState({ connected: false, reconnecting: false, present: [], actor: null, cursors: {} });
    };
  }, []);

  useEffect(() => {
    if (tabId !== null && useLiveStore.getState().connected) joinTab(tabId);
  }, [tabId]);
}
