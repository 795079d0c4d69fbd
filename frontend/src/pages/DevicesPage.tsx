import { IconDeviceMobile } from '@tabler/icons-react';
import { PlaceholderPage } from '../components/PlaceholderPage';

export default function DevicesPage() {
  return (
    <PlaceholderPage
      title="Devices"
      icon={IconDeviceMobile}
      emptyTitle="No devices yet"
      description="Each installed call.center softphone, its SIP accounts, activation code and live status."
    />
  );
}
