import { IconMicrophone } from '@tabler/icons-react';
import { PlaceholderPage } from '../components/PlaceholderPage';

export default function RecordingsPage() {
  return (
    <PlaceholderPage
      title="Recordings"
      icon={IconMicrophone}
      emptyTitle="No recordings yet"
      description="Call recordings uploaded by your devices, and where each one was delivered."
    />
  );
}
