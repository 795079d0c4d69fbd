import { IconHash } from '@tabler/icons-react';
import { PlaceholderPage } from '../components/PlaceholderPage';

export default function NumbersPage() {
  return (
    <PlaceholderPage
      title="Numbers"
      icon={IconHash}
      emptyTitle="No numbers yet"
      description="Your inventory of phone numbers and internal numbers, ready to place on the workspace."
    />
  );
}
