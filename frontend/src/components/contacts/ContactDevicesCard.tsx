import { Button, Stack, Title } from '@mantine/core';
import { IconDeviceMobilePlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useDevices } from '../../api/devices';
import { useDeviceStatusLive } from '../../realtime/useDeviceStatusLive';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { SectionCard } from '../common/SectionCard';
import { type DeviceDialog, DeviceDialogs } from '../devices/DeviceDialogs';
import { DeviceTable } from '../devices/DeviceTable';

// As the guide's contact device page: the devices still to activate first, then the active ones.
const GROUPS = [
  { title: 'Not activated devices', activated: false },
  { title: 'Activated devices', activated: true },
];

/** The contact's call.center devices, grouped under its call.center method. */
export function ContactDevicesCard({ contactId }: { contactId: number }) {
  const devices = useDevices(contactId);
  const [dialog, setDialog] = useState<DeviceDialog | null>(null);
  useDeviceStatusLive();
  const add = () => setDialog({ kind: 'edit', device: null, contactId });

  return (
    <SectionCard
      id="devices"
      title="Devices"
      description="The call.center apps of this contact, each on one to four SIP accounts."
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          Add device
        </Button>
      }
    >
      <QueryState query={devices} what="the devices">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock
              bare
              icon={IconDeviceMobilePlus}
              title="No devices yet"
              description="Add a device for each phone, tablet or computer this contact uses the call.center app on."
            />
          ) : (
            <Stack gap="lg">
              {GROUPS.map(({ title, activated }) => {
                const group = items.filter((device) => (device.status !== 'not_activated') === activated);
                if (group.length === 0) return null;
                return (
                  <Stack key={title} gap={4}>
                    <Title order={3} fz="sm" c="dimmed">
                      {title} ({group.length})
                    </Title>
                    <DeviceTable
                      label={title}
                      devices={group}
                      onConfig={(device) => setDialog({ kind: 'config', device })}
                      onEdit={(device) => setDialog({ kind: 'edit', device, contactId })}
                      onMove={(device) => setDialog({ kind: 'move', device })}
                      onDelete={(device) => setDialog({ kind: 'delete', device })}
                    />
                  </Stack>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
      <DeviceDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </SectionCard>
  );
}
