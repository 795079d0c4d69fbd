import { IconAddressBook } from '@tabler/icons-react';
import { PlaceholderPage } from '../components/PlaceholderPage';

export default function ContactsPage() {
  return (
    <PlaceholderPage
      title="Contacts"
      icon={IconAddressBook}
      emptyTitle="No contacts yet"
      description="The people who answer your calls, with their numbers, emails and the call.center method that groups their devices."
    />
  );
}
