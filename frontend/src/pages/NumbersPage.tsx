import { Tabs } from '@mantine/core';
import { IconHash, IconPhone } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { Page } from '../components/Page';
import { NumberTable } from '../components/numbers/NumberTable';

export default function NumbersPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'internal' ? 'internal' : 'phone';

  return (
    <Page title="Numbers" description="Your phone numbers (DIDs) and internal numbers (extensions), used by contacts and call flows.">
      <Tabs value={tab} onChange={(value) => setParams(value === 'internal' ? { tab: 'internal' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="phone" leftSection={<IconPhone size={16} aria-hidden />}>
            Phone numbers
          </Tabs.Tab>
          <Tabs.Tab value="internal" leftSection={<IconHash size={16} aria-hidden />}>
            Internal numbers
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="phone">
          <NumberTable kind="phone" />
        </Tabs.Panel>
        <Tabs.Panel value="internal">
          <NumberTable kind="internal" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
