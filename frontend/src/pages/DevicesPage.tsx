import { Button } from '@mantine/core';
import { IconAddressBook, IconDeviceMobile } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDevices } from '../api/devices';
import { useDeviceStatusLive } from '../realtime/useDeviceStatusLive';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { QueryState } from '../components/common/QueryState';
import { type DeviceDialog, DeviceDialogs } from '../components/devices/DeviceDialogs';
import { DeviceTable } from '../components/devices/DeviceTable';
import { Page } from '../components/Page';

export default function DevicesPage() {
  const devices = useDevices();
  const [dialog, setDialog] = useState<DeviceDialog | null>(null);
  useDeviceStatusLive();

  return (
    <Page title="Devices" description="Every installed call.center app of every contact, with its status and version.">
      <QueryState query={devices} what="the devices" rows={5}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock
              icon={IconDeviceMobile}
              title="No devices yet"
              description="Devices are added to a contact: open a contact and click Add device, then activate the app with the code shown."
              action={
                <Button component={Link} to="/contacts" leftSection={<IconAddressBook size={16} aria-hidden />}>
                  Go to contacts
                </Button>
              }
            />
          ) : (
            <DeviceTable
              devices={items}
              showContact
              onConfig={(device) => setDialog({ kind: 'config', device })}
              onEdit={(device) => setDialog({ kind: 'edit', device, contactId: device.contact.id })}
              onMove={(device) => setDialog({ kind: 'move', device })}
              onDelete={(device) => setDialog({ kind: 'delete', device })}
            />
          )
        }
      </QueryState>
      <DeviceDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </Page>
  );
}
