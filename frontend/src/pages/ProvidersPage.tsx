import { IconServer2 } from '@tabler/icons-react';
import { PlaceholderPage } from '../components/PlaceholderPage';

export default function ProvidersPage() {
  return (
    <PlaceholderPage
      title="Service Providers"
      icon={IconServer2}
      emptyTitle="No service providers yet"
      description="The SIP service providers your devices register with, and the SIP accounts you hold at each."
    />
  );
}
