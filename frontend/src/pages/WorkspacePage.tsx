import '@xyflow/react/dist/style.css';

import { Box } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ReactFlowProvider } from '@xyflow/react';
import { useSession } from '../auth/session';
import { HEADER_HEIGHT } from '../components/AppFrame';
import { WorkspaceCanvas } from '../components/workspace/WorkspaceCanvas';
import { WorkspaceTabBar } from '../components/workspace/WorkspaceTabBar';

export default function WorkspacePage() {
  useDocumentTitle('Workspace · Callflow Workspace');
  const { session } = useSession();
  return (
    <Box h={`calc(100dvh - ${HEADER_HEIGHT}px)`} style={{ display: 'flex', flexDirection: 'column' }}>
      <WorkspaceTabBar title={session ? `${session.account.name} workspace` : 'Workspace'} />
      <ReactFlowProvider>
        <WorkspaceCanvas />
      </ReactFlowProvider>
    </Box>
  );
}
