import { Button, Center } from '@mantine/core';
import { IconLayoutBoardSplit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { queryKeys } from '../../api/queryKeys';
import { tabsApi } from '../../api/workspace';
import { queryClient } from '../../queryClient';
import { EmptyBlock } from '../common/EmptyBlock';
import { reportError } from '../common/feedback';

/** A workspace without tabs: objects live on tabs, so the first step is one. */
export function NoTabs({ onCreated }: { onCreated: (tabId: number) => void }) {
  const [creating, setCreating] = useState(false);
  const create = async () => {
    setCreating(true);
    try {
      const tab = await tabsApi.create();
      await queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
      onCreated(tab.id);
    } catch (error) {
      reportError(error, { title: 'Tab not created', refetch: [queryKeys.tabs] });
    } finally {
      setCreating(false);
    }
  };
  return (
    <Center style={{ flex: 1 }}>
      <EmptyBlock
        icon={IconLayoutBoardSplit}
        title="This workspace has no tabs yet"
        description="Objects live on tabs: one per site, team or number range, as you like."
        action={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void create()} loading={creating}>
            Create the first tab
          </Button>
        }
      />
    </Center>
  );
}
