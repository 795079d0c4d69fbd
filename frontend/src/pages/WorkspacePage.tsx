import '@xyflow/react/dist/style.css';
import '../nodes/nodes.css';
import '../components/workspace/workspace.css';

import { Box } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useObjectTypes, useTabs } from '../api/workspace';
import { useRole } from '../auth/role';
import { HEADER_HEIGHT } from '../components/AppFrame';
import { QueryState } from '../components/common/QueryState';
import { BottomPanel } from '../components/workspace/BottomPanel';
import { FocusController } from '../components/workspace/FocusController';
import { HistoryDrawer } from '../components/workspace/HistoryDrawer';
import { NewObjectModal } from '../components/workspace/NewObjectModal';
import { NoTabs } from '../components/workspace/NoTabs';
import { ObjectPalette } from '../components/workspace/ObjectPalette';
import { PropertiesPanel } from '../components/workspace/PropertiesPanel';
import { useCanvasHotkeys } from '../components/workspace/useCanvasHotkeys';
import { WorkspaceCanvas } from '../components/workspace/WorkspaceCanvas';
import { WorkspaceTabBar } from '../components/workspace/WorkspaceTabBar';
import { clearHistory } from '../canvas/history';
import { loadTab } from '../canvas/load';
import { useWorkspaceLive } from '../realtime/useWorkspaceLive';
import { useCanvasStore } from '../store/canvas';
import { useUiStore } from '../store/ui';

/** The workspace: tabs on top, the palette left, the canvas, properties right, problems and simulator below. */
export default function WorkspacePage() {
  useDocumentTitle('Workspace · Callflow Workspace');
  const types = useObjectTypes();
  const tabs = useTabs();
  const { canEdit } = useRole();
  const [params, setParams] = useSearchParams();
  const items = tabs.data?.items ?? [];
  const wanted = Number(params.get('tab'));
  const tabId = items.find((t) => t.id === wanted)?.id ?? items[0]?.id ?? null;
  const tabRequest = useUiStore((s) => s.tabRequest);

  const selectTab = (id: number) => setParams({ tab: String(id) }, { replace: false });

  useEffect(() => {
    if (types.data) useCanvasStore.getState().setCatalogue(types.data.items);
  }, [types.data]);

  const tabsLoaded = tabs.data !== undefined;
  useEffect(() => {
    if (!tabsLoaded) return;
    useCanvasStore.getState().setTab(tabId);
    clearHistory();
    if (tabId !== null) void loadTab(tabId);
  }, [tabId, tabsLoaded]);

  useEffect(() => {
    if (tabRequest === null) return;
    useUiStore.getState().requestTab(null);
    setParams({ tab: String(tabRequest) });
  }, [tabRequest, setParams]);

  useWorkspaceLive(tabId);
  useCanvasHotkeys();

  return (
    <ReactFlowProvider>
      <Box h={`calc(100dvh - ${HEADER_HEIGHT}px)`} className="workspace-page">
        <QueryState query={tabs} what="the workspace tabs" rows={1}>
          {() => <WorkspaceTabBar tabs={items} activeId={tabId} onSelect={selectTab} />}
        </QueryState>
        <div className="workspace-body">
          <ObjectPalette types={types.data?.items ?? []} disabled={tabId === null || !canEdit} />
          <div className="workspace-center">
            {tabs.data && tabId === null ? <NoTabs onCreated={selectTab} /> : <WorkspaceCanvas />}
            <BottomPanel />
          </div>
          <PropertiesPanel />
        </div>
      </Box>
      <NewObjectModal />
      <HistoryDrawer />
      <FocusController />
    </ReactFlowProvider>
  );
}
